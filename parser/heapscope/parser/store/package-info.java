/**
 * How the engine's packages hand their arrays to a store and get them back, without knowing the store's file format:
 * {@link heapscope.parser.store.ArraySink} and {@link heapscope.parser.store.ArraySource} take named primitive
 * arrays, {@link heapscope.parser.store.Blob} the few small values beside them. The graph, the analyses and the HPROF
 * reader each name and restore their own arrays ({@code GraphStore}, {@code AnalysisStore}, {@code HprofStore}); the
 * analysis cache and the portable index ({@code heapscope.parser.cache}) implement the sink and the source.
 * {@link heapscope.parser.store.CacheFolder} is where the user's stores live. {@link heapscope.parser.store.IntColumn}
 * and {@link heapscope.parser.store.Columns} are where a heap's biggest arrays live: on the Java heap, or mapped
 * off it (from new files in the cache folder, or from a stored array itself) when the heap will not hold them.
 */
package heapscope.parser.store;
