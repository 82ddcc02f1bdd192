package heapscope.parser.read.hprof;

import static heapscope.parser.read.hprof.HprofTestWriter.field;
import static heapscope.parser.read.hprof.HprofTestWriter.staticField;

import heapscope.parser.graph.HeapGraph;
import heapscope.parser.read.hprof.format.HprofBasicType;
import java.nio.charset.StandardCharsets;

/**
 * A hand-made heap with one of each thing the reader maps: a class hierarchy, an instance whose reference names a
 * missing object, an object array, a weak reference, a string, a thread with a local in a frame whose root record
 * comes before the thread's own, roots of several kinds (one naming a missing object).
 *
 * <pre>
 *   Node@1000 -next-> Node@1010        Child@1020 (extends Node) -next-> Node@1000
 *   Node[]@1030 = {Node@1000, null, Child@1020}    static Node.INSTANCES -> Node[]@1030
 *   WeakReference@1040 -referent(weak)-> Node@1010
 *   String@1050 -value-> byte[]@1060 "hi";  Thread@1070 -name-> String@1050, frame local -> int[]@1080
 *   Node@1090 -next-> 0xDEAD (missing)
 * </pre>
 */
final class SmallHeap {
    static final long OBJECT = 0x100;
    static final long CLASS = 0x108;
    static final long STRING = 0x110;
    static final long BYTE_ARRAY = 0x118;
    static final long REFERENCE = 0x120;
    static final long WEAK_REFERENCE = 0x128;
    static final long NODE = 0x130;
    static final long NODE_ARRAY = 0x138;
    static final long THREAD = 0x140;
    static final long INT_ARRAY = 0x148;
    static final long CHILD = 0x150;

    static final long NODE_1 = 0x1000;
    static final long NODE_2 = 0x1010;
    static final long CHILD_1 = 0x1020;
    static final long NODES = 0x1030;
    static final long WEAK_1 = 0x1040;
    static final long STRING_1 = 0x1050;
    static final long BYTES_1 = 0x1060;
    static final long THREAD_1 = 0x1070;
    static final long INTS_1 = 0x1080;
    static final long NODE_DANGLING = 0x1090;
    static final long MISSING = 0xDEAD;

    private SmallHeap() {
    }

    static byte[] write(int idSize) {
        HprofTestWriter w = new HprofTestWriter("JAVA PROFILE 1.0.2", idSize);
        w.loadClass(OBJECT, "java/lang/Object");
        w.loadClass(CLASS, "java/lang/Class");
        w.loadClass(STRING, "java/lang/String");
        w.loadClass(BYTE_ARRAY, "[B");
        w.loadClass(REFERENCE, "java/lang/ref/Reference");
        w.loadClass(WEAK_REFERENCE, "java/lang/ref/WeakReference");
        int nodeSerial = w.loadClass(NODE, "app/Node");
        w.loadClass(NODE_ARRAY, "[Lapp/Node;");
        w.loadClass(THREAD, "java/lang/Thread");
        w.loadClass(INT_ARRAY, "[I");
        w.loadClass(CHILD, "app/Child");
        w.frame(0x9, "run", "()V", "Worker.java", nodeSerial, 42);
        w.trace(7, 5, 0x9);

        HprofTestWriter.Static[] none = {};
        w.classDump(OBJECT, 0, 0, 0, none);
        w.classDump(CLASS, OBJECT, 0, 0, none);
        w.classDump(STRING, OBJECT, 0, 0, none, field("value", HprofBasicType.OBJECT),
                field("coder", HprofBasicType.BYTE), field("hash", HprofBasicType.INT));
        w.classDump(BYTE_ARRAY, OBJECT, 0, 0, none);
        w.classDump(REFERENCE, OBJECT, 0, 0, none, field("referent", HprofBasicType.OBJECT),
                field("queue", HprofBasicType.OBJECT));
        w.classDump(WEAK_REFERENCE, REFERENCE, 0, 0, none);
        w.classDump(NODE, OBJECT, 0, 0,
                new HprofTestWriter.Static[] {staticField("INSTANCES", HprofBasicType.OBJECT, NODES),
                    staticField("COUNT", HprofBasicType.INT, 3)},
                field("next", HprofBasicType.OBJECT), field("value", HprofBasicType.INT));
        w.classDump(NODE_ARRAY, OBJECT, 0, 0, none);
        w.classDump(THREAD, OBJECT, 0, 0, none, field("name", HprofBasicType.OBJECT));
        w.classDump(INT_ARRAY, OBJECT, 0, 0, none);
        w.classDump(CHILD, NODE, 0, 0, none, field("extra", HprofBasicType.LONG));

        // The frame root names thread serial 5 before the THREAD OBJECT record that declares it.
        w.rootJavaFrame(INTS_1, 5, 0);
        w.rootThreadObject(THREAD_1, 5, 7);
        w.rootJavaFrame(NODE_1, 99, 0); // a thread the dump does not know: stays a root
        w.rootJniGlobal(WEAK_1);
        w.rootJniGlobal(MISSING);
        w.rootStickyClass(OBJECT);
        w.rootStickyClass(NODE);

        HprofTestWriter.Field[] node = {field("next", HprofBasicType.OBJECT), field("value", HprofBasicType.INT)};
        HprofTestWriter.Field[] child = {field("extra", HprofBasicType.LONG), field("next", HprofBasicType.OBJECT),
            field("value", HprofBasicType.INT)};
        HprofTestWriter.Field[] reference = {field("referent", HprofBasicType.OBJECT),
            field("queue", HprofBasicType.OBJECT)};
        HprofTestWriter.Field[] string = {field("value", HprofBasicType.OBJECT), field("coder", HprofBasicType.BYTE),
            field("hash", HprofBasicType.INT)};
        w.instance(NODE_1, NODE, node, NODE_2, 1);
        w.instance(NODE_2, NODE, node, 0, 2);
        w.instance(CHILD_1, CHILD, child, 7, NODE_1, 3);
        w.objectArray(NODES, NODE_ARRAY, NODE_1, 0, CHILD_1);
        w.instance(WEAK_1, WEAK_REFERENCE, reference, NODE_2, 0);
        w.instance(STRING_1, STRING, string, BYTES_1, 0, 0);
        w.byteArray(BYTES_1, "hi".getBytes(StandardCharsets.ISO_8859_1));
        w.instance(THREAD_1, THREAD, new HprofTestWriter.Field[] {field("name", HprofBasicType.OBJECT)}, STRING_1);
        w.primitiveArray(INTS_1, HprofBasicType.INT, 1, 2, 3);
        w.instance(NODE_DANGLING, NODE, node, MISSING, 9);
        w.heapDumpEnd();
        return w.bytes();
    }

    /** The ordinal of the node with this id (the first one, for synthetic id 0). */
    static int ordinalOf(HeapGraph graph, long id) {
        for (int i = 0; i < graph.nodeCount(); i++) {
            if (graph.nodeId(i) == id) {
                return i;
            }
        }
        throw new AssertionError("no node with id 0x" + Long.toHexString(id));
    }
}
