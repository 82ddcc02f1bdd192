package heapscope.app.capture;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A snapshot that was taken and written.
 *
 * @param number its place in the session's series, from 1
 * @param format {@code hprof} or {@code v8-heapsnapshot}, as the CLI's JSON names formats
 * @param millis how long taking and writing it took
 * @param takenAt when it was started
 */
public record CapturedSnapshot(int number, Path file, String format, long bytes, long millis, Instant takenAt) {
}
