package heapscope.parser.analysis.leaks.program;

/** A job the batch runner never lets go. */
final class Job {
    final int number;
    final long[] payload = new long[8];

    Job(int number) {
        this.number = number;
    }
}
