/**
 * Reads Java heap dumps ({@code .hprof}) into the engine's format-neutral {@link heapscope.parser.graph.HeapGraph}.
 *
 * <p>Entry point: {@link heapscope.parser.read.hprof.HprofReader#read}, which returns an
 * {@link heapscope.parser.read.hprof.HprofHeap}: the graph, the inferred
 * {@link heapscope.parser.read.hprof.layout.ObjectLayout}, warnings, counts, and an
 * {@link heapscope.parser.read.hprof.objects.HprofObjectReader} for field values and string contents read from the
 * file on demand. {@code HeapFiles.read} calls it for files that start with {@code JAVA PROFILE};
 * {@link heapscope.parser.read.hprof.HprofStore} hands what the reader keeps beside the graph to a store and back.
 *
 * <p>Parts, each a sub-package that depends only on those listed before it (this package uses them all):
 * <ul>
 *   <li>{@code format}: the file's vocabulary (tags, basic types, root kinds, names, the format error);
 *   <li>{@code input}: bytes, plain or gzip, the record decoder and the file header;
 *   <li>{@code index}: what the first pass keeps (classes, symbols, the object id index, record offsets, roots,
 *       threads and frames);
 *   <li>{@code layout}: the JVM's object layout inferred from the dump, and the sizes it gives;
 *   <li>{@code pass}: the two streaming passes and what runs between them (classes completed, roots resolved);
 *   <li>{@code objects}: single objects read again on demand, String texts swept and stored.
 * </ul>
 *
 * <p>Graph mapping. Node 0 is the synthetic root; its children are one synthetic group node per GC root kind present
 * ({@code (GC roots: thread)}, {@code (GC roots: JNI global)}, {@code (GC roots: sticky class)}, ...). Then every
 * object record is an {@code object} node in file order: instances and arrays named by their Java class
 * ({@code java.util.HashMap$Node}, {@code byte[]}, {@code java.lang.String[]}), class objects named
 * {@code java.lang.Class} (as {@code jcmd GC.class_histogram} counts them; {@code HprofHeap.classNameOf} gives the
 * class they stand for). Node ids are addresses. Edges: fields are {@code property} edges named by the field,
 * statics {@code static NAME}; array elements {@code element} edges numbered by index; {@code internal} edges
 * {@code <class>} from every object to its class, {@code <super>}, {@code <classloader>}, {@code <signers>},
 * {@code <protection_domain>}, HotSpot's pseudo-statics {@code <resolved_references>} and {@code <init_lock>}, and
 * from each thread to what its stack frames hold ({@code <local in Main.run(Main.java:12)>}; Java-frame and JNI-local
 * roots of a known thread are such edges, not roots, so a thread retains its stack). The referent of
 * {@code java.lang.ref.Reference} (weak, soft, phantom and final references) is a {@code weak} edge: it does not
 * retain, and distances and retainer paths do not follow it. Null references make no edge; references and roots
 * naming objects the file lacks are dropped and counted. Every boot-loader class is a sticky-class root, including
 * the array and hidden classes HotSpot writes no STICKY CLASS record for.
 *
 * <p>Shallow sizes follow the JVM's real layout, inferred from the dump ({@link
 * heapscope.parser.read.hprof.layout.LayoutInference}): header and reference size and array bases from the statics of
 * {@code jdk.internal.misc.Unsafe}, alignment from the addresses, JDK 15+ gap-filling or older field packing by a
 * vote on the address gaps between neighbouring objects, fields the VM injects from the dump's symbol table, the
 * {@code java.lang.Class} instance size from the gap after each class mirror. A class object's size is its mirror's:
 * that instance size plus the class's static fields.
 *
 * <p>Reading takes two streaming passes ({@link heapscope.parser.read.hprof.pass.IndexingPass},
 * {@link heapscope.parser.read.hprof.pass.GraphPass}) and keeps no object per heap object: about 12 bytes per object
 * while building (the sorted id index) beside the graph's arrays, and 4 bytes per object afterwards (record offsets
 * for the object reader).
 */
package heapscope.parser.read.hprof;
