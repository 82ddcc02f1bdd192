package heapscope.parser.view;

/**
 * One row of the Fields pane: a field (or an array's element) of the selected object, as text.
 *
 * @param name the field's name, {@code [i]} for an array element
 * @param type its Java type ({@code int}, {@code boolean}, ..., or {@code reference})
 * @param value its value; a reference names its target as the grids do ({@code java.util.ArrayList @0x7ff0a1c8})
 * @param declaringClass the class that declares the field (the array's type for an element)
 * @param target the ordinal of the object a reference points at, or -1 (a primitive, null, or not in the dump)
 */
public record FieldRow(String name, String type, String value, String declaringClass, int target) {
    /** Whether the value is a reference to an object of the heap (the pane shows it as a link). */
    public boolean isLink() {
        return target >= 0;
    }
}
