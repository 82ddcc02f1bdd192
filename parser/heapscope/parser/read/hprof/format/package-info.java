/**
 * The HPROF format's vocabulary, shared by every part of the reader: record and heap-dump sub-record tags
 * ({@link heapscope.parser.read.hprof.format.HprofRecordTag},
 * {@link heapscope.parser.read.hprof.format.HprofSubRecordTag}), basic type codes and their sizes
 * ({@link heapscope.parser.read.hprof.format.HprofBasicType}), GC root kinds, the JVM's modified UTF-8 and class-name
 * forms, and {@link heapscope.parser.read.hprof.format.HprofFormatException} for bytes that break the format.
 * Constants and pure functions only; depends on no other part of the reader. No IO.
 */
package heapscope.parser.read.hprof.format;
