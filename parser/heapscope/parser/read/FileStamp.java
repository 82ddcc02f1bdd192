package heapscope.parser.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file's size and modification time at one moment, to tell whether it changed while it was read: dumps copied
 * down from servers are often opened while the copy still runs. Immutable. {@link #of} and {@link #check} read the
 * file's attributes.
 */
public record FileStamp(long size, long modifiedMillis) {
    /** The problem sentence for a file that changed under the reader (or whose passes over it disagree). */
    public static final String CHANGED = "changed while it was being read \u2014 is it still being copied?";

    public static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    /** Whether the file's size or modification time differs from this stamp now (a file gone counts as changed). */
    public boolean changed(Path file) {
        try {
            return !of(file).equals(this);
        } catch (IOException e) {
            return true;
        }
    }

    /** Throws the one-line "changed while it was being read" error when the file is no longer as stamped. */
    public void check(Path file) throws HeapFileException {
        if (changed(file)) {
            throw changedError(file);
        }
    }

    public static HeapFileException changedError(Path file) {
        return new HeapFileException(file, CHANGED);
    }
}
