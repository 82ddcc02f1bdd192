/**
 * What the first pass ({@code pass.IndexingPass}) keeps of a dump for the layout inference and the second pass: the
 * class definitions ({@link heapscope.parser.read.hprof.index.HprofClass} in
 * {@link heapscope.parser.read.hprof.index.ClassDefinitions}), the symbol table, the sorted object id index
 * ({@link heapscope.parser.read.hprof.index.ObjectIdIndex}, about 12 bytes per object while building), each object's
 * record offset (4 bytes per object, kept for the object reader), roots, threads and stack frames. Filled on one
 * thread, read-only afterwards. No IO of their own: they read from the {@code DumpInput} they are given.
 */
package heapscope.parser.read.hprof.index;
