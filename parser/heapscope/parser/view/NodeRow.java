package heapscope.parser.view;

/**
 * One object as a grid row shows it: the Object/Constructor column's label, its id, class, type, distance and sizes.
 * A plain value: it holds no reference to the heap.
 *
 * @param ordinal the node's ordinal in its heap (the handle to ask for its edges, retainers, ...)
 * @param id the object's id in the file ({@code @id})
 * @param name the display name as DevTools writes it: strings in quotes, closures with {@code ()}, ...
 * @param className the Summary class the object belongs to
 * @param type the node type name ({@code object}, {@code closure}, {@code string}, ...)
 * @param distance the raw distance (see {@code Distances}); shown as "−" unless user-reachable
 * @param shallowSize the shallow size as the Summary counts it
 * @param retainedSize the retained size
 * @param detached whether the object is a DOM node detached from its document
 * @param hexId whether the id is an address (HPROF), written in hex
 */
public record NodeRow(int ordinal, long id, String name, String className, String type, int distance,
        long shallowSize, long retainedSize, boolean detached, boolean hexId) {

    /** {@code Name @id}, the label of an instance row; just the name for the synthetic nodes of a Java dump. */
    public String label() {
        return hasId() ? name + " @" + idText() : name;
    }

    /** Whether the object has an id to show (a Java dump's root and GC-root groups have none). */
    public boolean hasId() {
        return !(hexId && id == 0);
    }

    /** The id as the grids write it: decimal, or {@code 0x...} for addresses. */
    public String idText() {
        return ObjectIds.text(id, hexId);
    }
}
