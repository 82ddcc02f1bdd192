package heapscope.parser.read.hprof.pass;

import heapscope.parser.read.hprof.format.HprofRootKind;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.read.hprof.index.ObjectIdIndex;
import heapscope.parser.read.hprof.index.RootTable;
import heapscope.parser.read.hprof.index.StackTraces;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The GC roots resolved after the first pass: for each root kind present, the distinct objects it roots (as object
 * indexes in file order), and the edges from thread objects to what their stack frames hold. A Java-frame or
 * JNI-local root whose thread serial names a thread object in the dump becomes such an edge, named after the frame
 * ({@code <local in Main.run(Main.java:12)>}); one of an unknown thread stays a root. Roots naming ids that no
 * record has are dropped and counted. Every class of the boot loader is a sticky-class root, also the array and
 * hidden classes HotSpot writes no STICKY CLASS record for: the boot loader never unloads them.
 *
 * <p>Immutable once built; no IO.
 */
public final class RootPlan {
    /** Root kinds with at least one rooted object, in enum order; group node k is the k-th of them. */
    public final HprofRootKind[] groupKinds;
    /** By group: the rooted objects' file indexes, sorted, distinct. */
    final int[][] groupTargets;
    /** Thread-local edges sorted by thread: source (thread) and target file indexes, and edge name index. */
    final int[] localSources;
    public final int[] localTargets;
    final int[] localNames;
    /** Root records by kind, as the file declares them (before deduplication). */
    public final Map<HprofRootKind, Integer> declaredByKind;
    /** Root records whose object is not in the dump, by kind. */
    public final Map<HprofRootKind, Integer> droppedByKind;
    /** Boot-loader classes the dump gave no root record (array and hidden classes), rooted as sticky classes. */
    public final int bootClassesRooted;
    /** The dump has no GC root records: class objects and threads are the {@link HprofRootKind#isAssumed} roots. */
    public final boolean rootsAssumed;

    private RootPlan(HprofRootKind[] groupKinds, int[][] groupTargets, int[] localSources, int[] localTargets,
            int[] localNames, Map<HprofRootKind, Integer> declaredByKind, Map<HprofRootKind, Integer> droppedByKind,
            int bootClassesRooted, boolean rootsAssumed) {
        this.groupKinds = groupKinds;
        this.groupTargets = groupTargets;
        this.localSources = localSources;
        this.localTargets = localTargets;
        this.localNames = localNames;
        this.declaredByKind = declaredByKind;
        this.droppedByKind = droppedByKind;
        this.bootClassesRooted = bootClassesRooted;
        this.rootsAssumed = rootsAssumed;
    }

    public int groupEdgeCount() {
        int n = 0;
        for (int[] targets : groupTargets) {
            n += targets.length;
        }
        return n;
    }

    public static RootPlan build(IndexingPass pass, ObjectIdIndex index, Interner names) {
        RootTable roots = pass.roots;
        StackTraces stacks = pass.stacks;
        Map<Long, String> classNames = new HashMap<>();
        for (int i = 0; i < pass.classes.size(); i++) {
            classNames.put(pass.classes.get(i).id, pass.classes.get(i).javaName);
        }
        int kinds = HprofRootKind.values().length;
        int[][] targetsByKind = new int[kinds][];
        int[] countByKind = new int[kinds];
        Map<HprofRootKind, Integer> declared = new EnumMap<>(HprofRootKind.class);
        Map<HprofRootKind, Integer> dropped = new EnumMap<>(HprofRootKind.class);
        long[] localKeys = new long[Math.max(16, roots.size())];
        int[] localTargetsInOrder = new int[localKeys.length];
        int[] localNamesInOrder = new int[localKeys.length];
        int locals = 0;
        for (int i = 0; i < roots.size(); i++) {
            HprofRootKind kind = roots.kind(i);
            declared.merge(kind, 1, Integer::sum);
            int target = index.fileIndexOf(roots.id(i));
            if (target < 0) {
                dropped.merge(kind, 1, Integer::sum);
                continue;
            }
            if (kind == HprofRootKind.JAVA_FRAME || kind == HprofRootKind.JNI_LOCAL) {
                int serial = roots.threadSerial(i);
                long threadId = stacks.threadIdBySerial.getOrDefault(serial, 0);
                int thread = threadId == 0 ? -1 : index.fileIndexOf(threadId);
                if (thread >= 0) {
                    String frame = stacks.describeFrame(serial, roots.frameNumber(i), pass.symbols, classNames);
                    String prefix = kind == HprofRootKind.JAVA_FRAME ? "local" : "JNI local";
                    String name = frame != null ? "<" + prefix + " in " + frame + ">"
                            : roots.frameNumber(i) >= 0 ? "<" + prefix + " in frame " + roots.frameNumber(i) + ">"
                            : "<" + prefix + ">";
                    localKeys[locals] = ((long) thread << 32) | locals;
                    localTargetsInOrder[locals] = target;
                    localNamesInOrder[locals] = names.intern(name);
                    locals++;
                    continue;
                }
            }
            int k = kind.ordinal();
            if (targetsByKind[k] == null) {
                targetsByKind[k] = new int[16];
            } else if (countByKind[k] == targetsByKind[k].length) {
                targetsByKind[k] = Arrays.copyOf(targetsByKind[k], countByKind[k] * 2);
            }
            targetsByKind[k][countByKind[k]++] = target;
        }

        // A dump cut before its root records (HotSpot writes them last) has none: without a stand-in nearly every
        // object would be unreachable. Class objects (their statics) and threads (their fields) hold most of a heap.
        boolean assumed = roots.size() == 0;
        if (assumed) {
            for (int i = 0; i < pass.classes.size(); i++) {
                countByKind[HprofRootKind.ASSUMED_CLASS.ordinal()] = addTarget(targetsByKind,
                        countByKind, HprofRootKind.ASSUMED_CLASS, index.fileIndexOf(pass.classes.get(i).id));
            }
            for (int i = 0; i < pass.threadObjectIds.size(); i++) {
                countByKind[HprofRootKind.ASSUMED_THREAD.ordinal()] = addTarget(targetsByKind,
                        countByKind, HprofRootKind.ASSUMED_THREAD, index.fileIndexOf(pass.threadObjectIds.get(i)));
            }
        }

        // HotSpot writes STICKY CLASS records only for the boot loader's instance classes, but its array classes and
        // hidden classes live as long (the boot loader is never unloaded): they are sticky classes too.
        int sticky = HprofRootKind.STICKY_CLASS.ordinal();
        int bootClassesRooted = 0;
        int[] declaredSticky = distinctSorted(targetsByKind[sticky] == null ? new int[0] : targetsByKind[sticky],
                countByKind[sticky]);
        for (int i = 0; i < pass.classes.size() && !assumed; i++) {
            HprofClass c = pass.classes.get(i);
            if (c.loaderId != 0) {
                continue;
            }
            int target = index.fileIndexOf(c.id);
            if (target < 0 || java.util.Arrays.binarySearch(declaredSticky, target) >= 0) {
                continue;
            }
            if (targetsByKind[sticky] == null) {
                targetsByKind[sticky] = new int[16];
            } else if (countByKind[sticky] == targetsByKind[sticky].length) {
                targetsByKind[sticky] = Arrays.copyOf(targetsByKind[sticky], countByKind[sticky] * 2);
            }
            targetsByKind[sticky][countByKind[sticky]++] = target;
            bootClassesRooted++;
        }

        int groups = 0;
        for (int k = 0; k < kinds; k++) {
            if (countByKind[k] > 0) {
                groups++;
            }
        }
        HprofRootKind[] groupKinds = new HprofRootKind[groups];
        int[][] groupTargets = new int[groups][];
        int g = 0;
        for (int k = 0; k < kinds; k++) {
            if (countByKind[k] > 0) {
                groupKinds[g] = HprofRootKind.values()[k];
                groupTargets[g] = distinctSorted(targetsByKind[k], countByKind[k]);
                g++;
            }
        }

        // Thread-local edges in thread order (the order of the thread nodes), frames in file order, duplicates
        // (same thread, object and frame) once.
        long[] keys = Arrays.copyOf(localKeys, locals);
        Arrays.sort(keys);
        int[] sources = new int[locals];
        int[] targets = new int[locals];
        int[] edgeNames = new int[locals];
        int n = 0;
        for (long key : keys) {
            int thread = (int) (key >>> 32);
            int at = (int) key;
            boolean duplicate = false;
            for (int j = n - 1; j >= 0 && sources[j] == thread; j--) {
                if (targets[j] == localTargetsInOrder[at] && edgeNames[j] == localNamesInOrder[at]) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                sources[n] = thread;
                targets[n] = localTargetsInOrder[at];
                edgeNames[n] = localNamesInOrder[at];
                n++;
            }
        }
        return new RootPlan(groupKinds, groupTargets, Arrays.copyOf(sources, n), Arrays.copyOf(targets, n),
                Arrays.copyOf(edgeNames, n), declared, dropped, bootClassesRooted, assumed);
    }

    /** Appends an object to a kind's targets (growing them); returns the kind's new count. */
    private static int addTarget(int[][] targetsByKind, int[] countByKind, HprofRootKind kind, int target) {
        int k = kind.ordinal();
        if (target < 0) {
            return countByKind[k];
        }
        if (targetsByKind[k] == null) {
            targetsByKind[k] = new int[16];
        } else if (countByKind[k] == targetsByKind[k].length) {
            targetsByKind[k] = Arrays.copyOf(targetsByKind[k], countByKind[k] * 2);
        }
        targetsByKind[k][countByKind[k]] = target;
        return countByKind[k] + 1;
    }

    private static int[] distinctSorted(int[] values, int count) {
        int[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (n == 0 || sorted[n - 1] != sorted[i]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }
}
