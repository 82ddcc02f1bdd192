/**
 * The two streaming passes over a dump. {@link heapscope.parser.read.hprof.pass.IndexingPass} reads every record once
 * and fills the {@code index} tables; {@link heapscope.parser.read.hprof.pass.ClassResolver} then completes the
 * classes and {@link heapscope.parser.read.hprof.pass.RootPlan} resolves the GC roots; after the layout is inferred,
 * {@link heapscope.parser.read.hprof.pass.GraphPass} reads the records again and emits the graph in ordinal order, and
 * {@link heapscope.parser.read.hprof.pass.ContentHashes} gives each object the hash that matches it across dumps.
 * {@code HprofReader} runs them in that order. Single-threaded; reads the dump through {@code input}.
 */
package heapscope.parser.read.hprof.pass;
