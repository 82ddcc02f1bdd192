package heapscope.parser.read.hprof.pass;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.graph.HeapGraphBuilder;
import heapscope.parser.graph.JavaEdgeNames;
import heapscope.parser.graph.NodeType;
import heapscope.parser.progress.CancelSignal;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.HprofSubRecordTag;
import heapscope.parser.read.hprof.format.JavaNames;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.read.hprof.index.ObjectIdIndex;
import heapscope.parser.read.hprof.input.DumpInput;
import heapscope.parser.read.hprof.input.EndOfDataException;
import heapscope.parser.read.hprof.layout.LayoutEvidence;
import heapscope.parser.read.hprof.layout.ObjectLayout;
import java.util.Arrays;

/**
 * The second pass: emits the graph in ordinal order. Node 0 is the synthetic root, nodes 1 to G the root-kind
 * groups, then one node per object record in file order (instances, arrays and class objects alike), each with its
 * edges: first {@code <class>}, then references (fields subclass first, array elements by index, class edges and
 * statics for class objects), then, for thread objects, what their stack frames hold. Null references make no
 * edge; references to ids no record has are dropped and counted. The pass reads only the heap dump records the
 * first pass found and stops after the objects it counted.
 *
 * <p>Single-threaded. Does IO through its input.
 */
public final class GraphPass {
    private static final long NO_ID = 0;

    private final DumpInput in;
    private final IndexingPass pass1;
    private final ObjectIdIndex index;
    private final RootPlan roots;
    private final HeapGraphBuilder builder;
    private final ObjectLayout layout;
    private final CancelSignal cancel;
    private final int idSize;
    private final int objectBase;
    private final long objectCount;
    private final ClassDefinitions classes;

    private final int classEdgeName;
    private final int superEdgeName;
    private final int loaderEdgeName;
    private final int signersEdgeName;
    private final int protectionDomainEdgeName;
    private final int classObjectName;
    private final int unknownClassName;
    private final int[] primitiveArrayNames = new int[HprofBasicType.LONG + 1];
    private final int[] primitiveArrayClassOrdinals = new int[HprofBasicType.LONG + 1];
    private final int javaLangClassOrdinal;
    private final Interner names;
    /** Node ordinal of each class's class object, by class index. */
    private final int[] classOrdinals;
    /** Where each class's instances keep the values their content hash covers, by class index (see {@link ContentHashes}). */
    private final int[][] contentSpans;

    private byte[] edgeTypes = new byte[1024];
    private int[] edgeNames = new int[1024];
    private int[] edgeTargets = new int[1024];
    private int edgeCount;

    private long emitted;
    private int localCursor;
    public long droppedReferences;
    public long objectsOfUnknownClass;

    // Size check: the address gap to the next object in the file against the size given to the previous one.
    private long previousId = -1;
    private long previousSize;
    public long gapsMatchingSize;
    public long gapsSmallerThanSize;
    public long gapsLargerThanSize;

    public GraphPass(DumpInput in, IndexingPass pass1, ObjectIdIndex index, RootPlan roots, HeapGraphBuilder builder,
            ObjectLayout layout, Interner names, CancelSignal cancel) {
        this.in = in;
        this.pass1 = pass1;
        this.index = index;
        this.roots = roots;
        this.builder = builder;
        this.layout = layout;
        this.names = names;
        this.cancel = cancel;
        this.idSize = in.idSize();
        this.objectBase = 1 + roots.groupKinds.length;
        this.objectCount = pass1.objectCount();
        this.classes = pass1.classes;
        this.classEdgeName = names.intern(JavaEdgeNames.CLASS);
        this.superEdgeName = names.intern(JavaEdgeNames.SUPER);
        this.loaderEdgeName = names.intern(JavaEdgeNames.CLASS_LOADER);
        this.signersEdgeName = names.intern("<signers>");
        this.protectionDomainEdgeName = names.intern("<protection_domain>");
        this.classObjectName = names.intern("java.lang.Class");
        this.unknownClassName = names.intern("(object of a class missing from the dump)");
        Arrays.fill(primitiveArrayClassOrdinals, -1);
        int javaLangClass = -1;
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            if ("java.lang.Class".equals(c.javaName)) {
                javaLangClass = ordinalOf(c.id);
            }
            for (int t = HprofBasicType.BOOLEAN; t <= HprofBasicType.LONG; t++) {
                if (JavaNames.primitiveArray(t).equals(c.javaName) && primitiveArrayClassOrdinals[t] < 0) {
                    primitiveArrayClassOrdinals[t] = ordinalOf(c.id);
                }
            }
        }
        for (int t = HprofBasicType.BOOLEAN; t <= HprofBasicType.LONG; t++) {
            primitiveArrayNames[t] = names.intern(JavaNames.primitiveArray(t));
        }
        this.javaLangClassOrdinal = javaLangClass;
        this.classOrdinals = new int[classes.size()];
        this.contentSpans = new int[classes.size()][];
        for (int i = 0; i < classes.size(); i++) {
            classOrdinals[i] = ordinalOf(classes.get(i).id);
            if (classes.get(i).referenceOffsets != null) {
                contentSpans[i] = ContentHashes.spansOf(classes.get(i), classes, idSize);
            }
        }
    }

    public void run() {
        emitRootAndGroups();
        long ranges = pass1.heapDumpRanges.size() / 2;
        try {
            for (long r = 0; r < ranges && emitted < objectCount; r++) {
                long start = pass1.heapDumpRanges.get(2 * r);
                long end = pass1.heapDumpRanges.get(2 * r + 1);
                in.skip(start - in.position());
                readHeapDump(end);
            }
        } catch (EndOfDataException e) {
            // The first pass saw the same end; every object it counted has been emitted before it.
        }
        if (emitted != objectCount) {
            throw new IllegalStateException("the second pass found " + emitted + " objects, the first " + objectCount);
        }
    }

    private void emitRootAndGroups() {
        int groups = roots.groupKinds.length;
        builder.addNode(NodeType.SYNTHETIC, names.intern("(root)"), NO_ID, 0, groups);
        for (int g = 0; g < groups; g++) {
            builder.addEdge(EdgeType.ELEMENT, g, 1 + g);
        }
        for (int g = 0; g < groups; g++) {
            int[] targets = roots.groupTargets[g];
            builder.addNode(NodeType.SYNTHETIC, names.intern(roots.groupKinds[g].groupNodeName()), NO_ID, 0,
                    targets.length);
            for (int i = 0; i < targets.length; i++) {
                builder.addEdge(EdgeType.ELEMENT, i, objectBase + targets[i]);
            }
        }
    }

    private void readHeapDump(long end) {
        while (in.position() < end && emitted < objectCount) {
            if (end == Long.MAX_VALUE && !in.hasMore()) {
                return;
            }
            int tag = in.u1();
            switch (tag) {
                case HprofSubRecordTag.INSTANCE_DUMP -> emitInstance();
                case HprofSubRecordTag.OBJECT_ARRAY_DUMP -> emitObjectArray();
                case HprofSubRecordTag.PRIMITIVE_ARRAY_DUMP -> emitPrimitiveArray(true);
                case HprofSubRecordTag.PRIMITIVE_ARRAY_NODATA -> emitPrimitiveArray(false);
                case HprofSubRecordTag.CLASS_DUMP -> emitClass();
                default -> {
                    int size = HprofSubRecordTag.fixedBodySize(tag, idSize);
                    if (size < 0) { // the first pass read the same bytes and knew every tag
                        throw new IllegalStateException("sub-record tag " + tag + " in the second pass");
                    }
                    in.skip(size);
                }
            }
            if ((emitted & 0xfff) == 0) {
                cancel.throwIfCanceled();
            }
        }
    }

    private void emitInstance() {
        long id = in.id();
        in.u4();
        long classId = in.id();
        long fieldBytes = in.u4() & 0xffffffffL;
        int classIndex = classes.indexOf(classId);
        HprofClass c = classIndex >= 0 ? classes.get(classIndex) : null;
        edgeCount = 0;
        if (c != null) {
            addEdge(EdgeType.INTERNAL, classEdgeName, classOrdinals[classIndex]);
        } else {
            addReference(EdgeType.INTERNAL, classEdgeName, classId);
        }
        int contentHash = 0;
        if (c != null && c.referenceOffsets != null && fieldBytes <= in.capacity()) {
            int n = (int) fieldBytes;
            int base = in.require(n);
            byte[] buffer = in.buffer();
            int[] offsets = c.referenceOffsets;
            for (int r = 0; r < offsets.length; r++) {
                int offset = offsets[r];
                if (offset + idSize > n) {
                    break;
                }
                long ref = DumpInput.idAt(buffer, base + offset, idSize);
                if (ref != 0) {
                    addReference(c.referenceEdgeTypes[r], c.referenceNameIndexes[r], ref);
                }
            }
            contentHash = ContentHashes.ofInstance(buffer, base, n, contentSpans[classIndex]);
            in.advance(n);
        } else {
            in.skip(fieldBytes);
        }
        long size;
        int name;
        if (c != null) {
            size = c.instanceSize;
            name = c.nameIndex;
        } else {
            size = layout.align(layout.headerSize() + fieldBytes);
            name = unknownClassName;
            objectsOfUnknownClass++;
        }
        emit(id, name, size, contentHash, true);
    }

    private void emitObjectArray() {
        long id = in.id();
        in.u4();
        long length = in.u4() & 0xffffffffL;
        long arrayClassId = in.id();
        edgeCount = 0;
        int arrayClassIndex = classes.indexOf(arrayClassId);
        if (arrayClassIndex >= 0) {
            addEdge(EdgeType.INTERNAL, classEdgeName, classOrdinals[arrayClassIndex]);
        } else {
            addReference(EdgeType.INTERNAL, classEdgeName, arrayClassId);
        }
        long left = length;
        int chunk = in.capacity() / idSize;
        int element = 0;
        while (left > 0) {
            int n = (int) Math.min(left, chunk);
            int base = in.require(n * idSize);
            byte[] buffer = in.buffer();
            for (int i = 0; i < n; i++, element++) {
                long ref = DumpInput.idAt(buffer, base + i * idSize, idSize);
                if (ref != 0) {
                    addReference(EdgeType.ELEMENT, element, ref);
                }
            }
            in.advance(n * idSize);
            left -= n;
        }
        int name;
        if (arrayClassIndex >= 0) {
            name = classes.get(arrayClassIndex).nameIndex;
        } else {
            name = unknownClassName;
            objectsOfUnknownClass++;
        }
        emit(id, name, layout.arraySize(HprofBasicType.OBJECT, length),
                ContentHashes.finishArray(ContentHashes.startArray(HprofBasicType.OBJECT, length), length), true);
    }

    private void emitPrimitiveArray(boolean withElements) {
        long id = in.id();
        in.u4();
        long length = in.u4() & 0xffffffffL;
        int type = in.u1();
        long hash = ContentHashes.startArray(type, length);
        if (withElements) {
            hash = hashElements(hash, length * HprofBasicType.primitiveSize(type));
        }
        edgeCount = 0;
        if (primitiveArrayClassOrdinals[type] >= 0) {
            addEdge(EdgeType.INTERNAL, classEdgeName, primitiveArrayClassOrdinals[type]);
        }
        emit(id, primitiveArrayNames[type], layout.arraySize(type, length), ContentHashes.finishArray(hash, length), true);
    }

    /** Reads a primitive array's element bytes into its content hash, in chunks cut at multiples of 8 bytes. */
    private long hashElements(long hash, long bytes) {
        int chunk = in.capacity() & ~7;
        long left = bytes;
        while (left > 0) {
            int n = (int) Math.min(left, chunk);
            int base = in.require(n);
            hash = ContentHashes.update(hash, in.buffer(), base, n);
            in.advance(n);
            left -= n;
        }
        return hash;
    }

    private void emitClass() {
        HprofClass record = HprofClass.read(in, in.position() - 1);
        HprofClass c = classes.get(classes.indexOf(record.id));
        edgeCount = 0;
        if (javaLangClassOrdinal >= 0) {
            addEdge(EdgeType.INTERNAL, classEdgeName, javaLangClassOrdinal);
        }
        addReference(EdgeType.INTERNAL, superEdgeName, record.superId);
        addReference(EdgeType.INTERNAL, loaderEdgeName, record.loaderId);
        addReference(EdgeType.INTERNAL, signersEdgeName, record.signersId);
        addReference(EdgeType.INTERNAL, protectionDomainEdgeName, record.protectionDomainId);
        for (int i = 0; i < record.constantPoolTypes.length; i++) {
            if (record.constantPoolTypes[i] == HprofBasicType.OBJECT && record.constantPoolValues[i] != 0) {
                addReference(EdgeType.INTERNAL, names.intern("<constant pool[" + record.constantPoolIndexes[i] + "]>"),
                        record.constantPoolValues[i]);
            }
        }
        for (int i = 0; i < record.staticTypes.length; i++) {
            if (record.staticTypes[i] == HprofBasicType.OBJECT && record.staticValues[i] != 0) {
                // A repeated CLASS DUMP record (the first one is the class) may have more statics than the first.
                String staticName = i >= c.staticNames.length || c.staticNames[i] == null ? "(static " + i + ")"
                        : c.staticNames[i];
                boolean pseudo = staticName.startsWith("<");
                addReference(pseudo ? EdgeType.INTERNAL : EdgeType.PROPERTY,
                        names.intern(pseudo ? staticName : "static " + staticName), record.staticValues[i]);
            }
        }
        builder.addNodeLabel(builder.nodeCount(), c.labelIndex);
        emit(record.id, classObjectName, c.mirrorSize, ContentHashes.ofClass(c.javaName), false);
    }

    /** The node ordinal of the object with this id, or -1. */
    private int ordinalOf(long id) {
        int fileIndex = index.fileIndexOf(id);
        return fileIndex < 0 ? -1 : objectBase + fileIndex;
    }

    /** Adds an edge to the object with this id unless the id is null or no record has it (then it is counted). */
    private void addReference(byte type, int name, long id) {
        if (id == 0) {
            return;
        }
        int target = index.fileIndexOf(id);
        if (target < 0) {
            droppedReferences++;
            return;
        }
        addEdge(type, name, objectBase + target);
    }

    private void addEdge(byte type, int name, int target) {
        if (edgeCount == edgeTypes.length) {
            int capacity = edgeCount * 2;
            edgeTypes = Arrays.copyOf(edgeTypes, capacity);
            edgeNames = Arrays.copyOf(edgeNames, capacity);
            edgeTargets = Arrays.copyOf(edgeTargets, capacity);
        }
        edgeTypes[edgeCount] = type;
        edgeNames[edgeCount] = name;
        edgeTargets[edgeCount] = target;
        edgeCount++;
    }

    private void emit(long id, int name, long size, int contentHash, boolean inHeapOrder) {
        int fileIndex = (int) emitted;
        int[] localSources = roots.localSources;
        while (localCursor < localSources.length && localSources[localCursor] == fileIndex) {
            addEdge(EdgeType.INTERNAL, roots.localNames[localCursor], objectBase + roots.localTargets[localCursor]);
            localCursor++;
        }
        int ordinal = builder.addNode(NodeType.OBJECT, name, id, size, edgeCount);
        builder.setContentHash(ordinal, contentHash);
        for (int e = 0; e < edgeCount; e++) {
            builder.addEdge(edgeTypes[e], edgeNames[e], edgeTargets[e]);
        }
        emitted++;
        if (edgeTypes.length > (1 << 20) && edgeCount < (1 << 16)) {
            edgeTypes = new byte[1024]; // let a huge array's scratch space go
            edgeNames = new int[1024];
            edgeTargets = new int[1024];
        }
        checkGap(id, size, inHeapOrder);
    }

    private void checkGap(long id, long size, boolean inHeapOrder) {
        if (inHeapOrder && previousId >= 0) {
            long gap = id - previousId;
            if (gap > 0 && gap <= LayoutEvidence.MAX_GAP) {
                if (gap == previousSize) {
                    gapsMatchingSize++;
                } else if (gap < previousSize) {
                    gapsSmallerThanSize++;
                } else {
                    gapsLargerThanSize++;
                }
            }
        }
        previousId = inHeapOrder ? id : -1;
        previousSize = size;
    }

    long emitted() {
        return emitted;
    }
}
