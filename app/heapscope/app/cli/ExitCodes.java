package heapscope.app.cli;

import heapscope.parser.read.HeapFileException;
import picocli.CommandLine;

/**
 * Turns what a command throws into a one-line message on stderr and an exit code, so that bad input never shows a
 * stack trace: a file that is not a readable heap dump exits with {@link HeapscopeCommand#EXIT_BAD_INPUT}, as does
 * running out of memory (with what to do about it). Anything else is a bug and keeps its stack trace.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult)
            throws Exception {
        if (e instanceof HeapFileException bad) {
            command.getErr().println("heapscope: " + bad.getMessage());
            return HeapscopeCommand.EXIT_BAD_INPUT;
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            command.getErr().println("heapscope: " + java.nio.file.Path.of(missing.getFile()).getFileName()
                    + ": no such file");
            return HeapscopeCommand.EXIT_BAD_INPUT;
        }
        if (e instanceof java.io.IOException io) {
            command.getErr().println("heapscope: cannot read the file: " + io.getMessage());
            return HeapscopeCommand.EXIT_BAD_INPUT;
        }
        throw e;
    }
}
