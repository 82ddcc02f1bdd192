package heapscope.parser.read.hprof;

import heapscope.parser.read.hprof.format.HprofRootKind;
import java.util.Map;

/**
 * Counts from reading one HPROF file, for {@code info} and the tests. Immutable.
 *
 * @param instances INSTANCE DUMP records (objects other than arrays and class objects)
 * @param objectArrays OBJECT ARRAY DUMP records
 * @param primitiveArrays PRIMITIVE ARRAY DUMP records
 * @param classes CLASS DUMP records (each is a {@code java.lang.Class} node)
 * @param symbols UTF8 records
 * @param rootRecordsByKind GC root records by kind, as the file declares them (an object may be rooted many times)
 * @param droppedRootsByKind root records naming an id that no object record has
 * @param threadLocalEdges Java-frame and JNI-local roots turned into edges from their thread
 * @param droppedReferences non-null references to ids that no object record has (dropped, no edge)
 * @param duplicateIds object records whose id an earlier record already had
 * @param objectsOfUnknownClass objects whose class record is missing (named as such, sized from their bytes)
 * @param gapsMatchingSize objects that end exactly where the next object in the file starts (a check of the
 *     layout: HotSpot writes objects in address order)
 * @param gapsSmallerThanSize objects followed, less than their size later, by the next one (sizes too large)
 * @param gapsLargerThanSize objects followed by a gap (a filler, a TLAB or region end, or sizes too small)
 */
public record HprofStatistics(long instances, long objectArrays, long primitiveArrays, long classes, int symbols,
        Map<HprofRootKind, Integer> rootRecordsByKind, Map<HprofRootKind, Integer> droppedRootsByKind,
        int threadLocalEdges, long droppedReferences, int duplicateIds, long objectsOfUnknownClass,
        long gapsMatchingSize, long gapsSmallerThanSize, long gapsLargerThanSize) {

    public HprofStatistics {
        rootRecordsByKind = Map.copyOf(rootRecordsByKind);
        droppedRootsByKind = Map.copyOf(droppedRootsByKind);
    }

    public long objects() {
        return instances + objectArrays + primitiveArrays + classes;
    }

    public int droppedRoots() {
        return droppedRootsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }
}
