package io.poolkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on stderr and an exit status: bad input
 * (IllegalArgumentException and its kin) exits 2 with the library's message; anything else is a
 * bug or an environment failure and exits 3 with its type, so it is never mistaken for bad input.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        if (e instanceof IllegalArgumentException) {
            cl.getErr().println("poolkit " + cl.getCommandName() + ": " + e.getMessage());
            return BAD_INPUT;
        }
        cl.getErr().println("poolkit " + cl.getCommandName() + ": failed: " + e);
        return FAILURE;
    }
}
