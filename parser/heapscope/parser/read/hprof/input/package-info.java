/**
 * The dump's bytes: a {@link heapscope.parser.read.hprof.input.ByteSource} over a plain file or a (multi-member) gzip
 * file, the index of gzip members and the inflated members kept for reads at any offset, the big-endian record
 * decoder {@link heapscope.parser.read.hprof.input.DumpInput}, and the file's fixed header. Depends only on
 * {@code format}. Does IO.
 */
package heapscope.parser.read.hprof.input;
