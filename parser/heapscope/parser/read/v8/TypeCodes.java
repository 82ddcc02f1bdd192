package heapscope.parser.read.v8;

import java.util.List;
import java.util.function.Function;

/**
 * Maps a file's type numbers to the graph's type codes by name, once per file, so {@code object shape} or a type
 * added by a later V8 gets its own code instead of being mistaken for whatever sits at its number. No IO.
 */
final class TypeCodes {
    private TypeCodes() {
    }

    /** Graph code by file type number; {@code kind} names the types in the error ("node", "edge"). */
    static byte[] byFileNumber(List<String> names, Function<String, Byte> codeOfName, String kind)
            throws SnapshotFormatException {
        byte[] codes = new byte[names.size()];
        try {
            for (int i = 0; i < codes.length; i++) {
                codes[i] = codeOfName.apply(names.get(i));
            }
        } catch (IllegalArgumentException tooMany) {
            throw new SnapshotFormatException("the snapshot meta names more " + kind + " types than Heapscope can hold ("
                    + names.size() + ")");
        }
        return codes;
    }
}
