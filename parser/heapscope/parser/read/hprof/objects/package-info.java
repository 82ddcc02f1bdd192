/**
 * Single objects after reading: field values and String texts read again from the dump on demand
 * ({@link heapscope.parser.read.hprof.objects.HprofObjectReader}, found through
 * {@link heapscope.parser.read.hprof.objects.ObjectDetailsSource}), the one-pass sweep that stores every String's text
 * ({@link heapscope.parser.read.hprof.objects.StringTextSweep}), and the contents of a dump reopened from a store
 * ({@link heapscope.parser.read.hprof.objects.StoredObjectContents}). Reads the dump and the store.
 */
package heapscope.parser.read.hprof.objects;
