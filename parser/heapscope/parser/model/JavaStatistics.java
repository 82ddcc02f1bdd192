package heapscope.parser.model;

import java.util.List;

/**
 * The Statistics of a Java dump: the heap's reachable bytes by what a Java developer tunes separately, Strings with the
 * arrays that hold their text, the other {@code byte[]}/{@code char[]} (buffers, text outside Strings), the other
 * primitive arrays, arrays of references (the tables of collections), class objects with their static fields, and
 * every other instance.
 */
public record JavaStatistics(long total, long strings, long byteAndCharArrays, long otherPrimitiveArrays,
        long objectArrays, long classes, long instances) implements HeapStatistics {

    @Override
    public List<Category> categories() {
        return List.of(
                new Category("Strings", strings, "java.lang.String objects and the byte[]/char[] that hold their"
                        + " text"),
                new Category("byte[] and char[]", byteAndCharArrays, "Byte and char arrays that no String holds:"
                        + " buffers, encoded data, text outside Strings"),
                new Category("Other primitive arrays", otherPrimitiveArrays, "int[], long[], double[] and the other"
                        + " arrays of primitives"),
                new Category("Object arrays", objectArrays, "Arrays of references, such as the tables of HashMaps and"
                        + " the element arrays of ArrayLists"),
                new Category("Classes and statics", classes, "Class objects (java.lang.Class), with their static"
                        + " fields"),
                new Category("Instances", instances, "Every other object"));
    }
}
