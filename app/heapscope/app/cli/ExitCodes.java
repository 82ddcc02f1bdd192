package heapscope.app.cli;

import heapscope.app.FailureSentences;
import heapscope.parser.read.NotEnoughMemoryException;
import picocli.CommandLine;

/**
 * Turns what a command throws into one line on stderr and an exit code, so that bad input never shows a stack trace:
 * a file that is not a readable heap dump exits with {@link HeapscopeCommand#EXIT_BAD_INPUT}, too little memory
 * (refused up front or run out of) with {@link HeapscopeCommand#EXIT_NOT_ENOUGH_MEMORY} and the {@code -Xmx} that
 * would do. The sentences come from {@link FailureSentences}, as the app's. Anything else is a bug and keeps its
 * stack trace.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult)
            throws Exception {
        Throwable failure = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (!FailureSentences.isExpected(failure)) {
            throw e;
        }
        command.getErr().println(line(failure));
        return exitCode(failure);
    }

    /** The line for an expected failure: {@code heapscope: FILE: problem}. */
    static String line(Throwable failure) {
        return "heapscope: " + FailureSentences.sentence(null, failure);
    }

    static int exitCode(Throwable failure) {
        return failure instanceof NotEnoughMemoryException || failure instanceof OutOfMemoryError
                ? HeapscopeCommand.EXIT_NOT_ENOUGH_MEMORY : HeapscopeCommand.EXIT_BAD_INPUT;
    }
}
