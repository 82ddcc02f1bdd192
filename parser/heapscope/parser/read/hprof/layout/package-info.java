/**
 * The JVM's object layout, which the file does not record, inferred from the dump
 * ({@link heapscope.parser.read.hprof.layout.LayoutInference}) into an
 * {@link heapscope.parser.read.hprof.layout.ObjectLayout}: header and reference size and array bases from the statics
 * of {@code jdk.internal.misc.Unsafe}, alignment from the addresses, JDK 15+ gap-filling or older field packing by a
 * vote on the address gaps between neighbouring objects ({@link heapscope.parser.read.hprof.layout.LayoutEvidence}),
 * fields the VM injects from the dump's symbol table, and the {@code java.lang.Class} instance size from the gap after
 * each class mirror. {@link heapscope.parser.read.hprof.layout.InstanceSizes} then gives every class its instance and
 * mirror size. No IO.
 */
package heapscope.parser.read.hprof.layout;
