package heapscope.parser.graph;

/**
 * One field of an object or class as the dump stores it. Immutable.
 *
 * @param declaringClass the Java name of the class that declares the field
 * @param name the field's name
 * @param type the Java type: {@code "int"}, {@code "boolean"}, ..., or {@code "reference"}
 * @param value a boxed primitive ({@code Integer}, {@code Boolean}, {@code Character}, ...), or for references the
 *     target's address as a {@code Long} (null for a null reference)
 */
public record FieldValue(String declaringClass, String name, String type, Object value) {
}
