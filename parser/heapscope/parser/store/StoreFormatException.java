package heapscope.parser.store;

import java.io.IOException;

/**
 * A store's content is not what its writer wrote: cut short, damaged, made by another format version, or arrays that
 * do not fit together. The message says what, in one sentence without the file name.
 */
public final class StoreFormatException extends IOException {
    public StoreFormatException(String message) {
        super(message);
    }

    /** Throws when {@code condition} is false: for the consistency checks of restored arrays. */
    public static void check(boolean condition, String what) throws StoreFormatException {
        if (!condition) {
            throw new StoreFormatException("inconsistent: " + what);
        }
    }

    /**
     * {@link #check(boolean, String)} for checks run once per element: the message, {@code name + what}, is only
     * put together when the check fails.
     */
    public static void check(boolean condition, String name, String what) throws StoreFormatException {
        if (!condition) {
            throw new StoreFormatException("inconsistent: " + name + what);
        }
    }
}
