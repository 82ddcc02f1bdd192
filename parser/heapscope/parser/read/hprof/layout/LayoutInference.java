package heapscope.parser.read.hprof.layout;

import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;
import heapscope.parser.read.hprof.index.ObjectIdIndex;
import heapscope.parser.read.hprof.index.SymbolTable;
import heapscope.parser.read.hprof.input.HprofHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Infers the {@link ObjectLayout} of the JVM that wrote a dump from what the dump contains:
 * <ul>
 *   <li>header and reference size from the statics of {@code jdk.internal.misc.Unsafe} (or {@code sun.misc.Unsafe}):
 *       {@code ARRAY_OBJECT_INDEX_SCALE} is the reference size, {@code ARRAY_INT_BASE_OFFSET - 4} the header, and
 *       every {@code ARRAY_*_BASE_OFFSET} an array base; without them, from a vote among the usual HotSpot modes on
 *       the address gaps after small arrays and instances;</li>
 *   <li>the alignment from the lowest bit set in any object address;</li>
 *   <li>the field packing (JDK 15+ gap filling or the older per-class blocks) from a vote on the address gaps after
 *       instances;</li>
 *   <li>the size of a {@code java.lang.Class} instance (the VM injects fields the dump does not list) from a vote on
 *       the gap between each class mirror and the next object in memory.</li>
 * </ul>
 * Single-threaded; no IO.
 */
public final class LayoutInference {
    /**
     * HotSpot modes as {header, reference size, array bases aligned to 8 (1) or packed (0)}, most common first:
     * compressed oops and class pointers; no compressed oops (heaps over 32 GB, ZGC); no compressed class
     * pointers (JDK 21 and older align array bases, later JDKs do not); compact headers (JDK 24+).
     */
    private static final int[][] HOTSPOT_MODES_64 = {{12, 4, 1}, {12, 8, 1}, {16, 8, 1}, {16, 8, 0}, {16, 4, 1},
        {16, 4, 0}, {8, 4, 0}, {8, 8, 0}};
    private static final int[][] HOTSPOT_MODES_32 = {{8, 4, 1}};
    /** Below this share of address gaps matching the simulated sizes, gaps are not trusted to correct sizes. */
    private static final double RELIABLE_GAP_SHARE = 0.9;
    /** Fewest matching address gaps for a vote to move away from the default mode. */
    private static final long MIN_VOTES = 16;

    private LayoutInference() {
    }

    /**
     * The chosen layout, the size calculator that goes with it, and the instance size of each class (by class
     * index) with the corrections from address gaps applied.
     */
    public record Result(ObjectLayout layout, InstanceSizes sizes, long[] instanceSizes) {
    }

    public static Result infer(HprofHeader header, ClassDefinitions classes, SymbolTable symbols,
            LayoutEvidence evidence, ObjectIdIndex index) {
        List<String> notes = new ArrayList<>();
        int alignment = alignment(evidence, notes);
        if (header.isAndroid()) {
            int[] bases = new int[HprofBasicType.LONG + 1];
            for (int t = HprofBasicType.BOOLEAN; t <= HprofBasicType.LONG; t++) {
                bases[t] = HprofBasicType.primitiveSize(t) == 8 ? 16 : 12;
            }
            bases[HprofBasicType.OBJECT] = 12;
            notes.add("Android (HPROF 1.0.3): 8-byte headers, 4-byte references, instance sizes from the CLASS DUMP"
                    + " records, arrays with the length at 8 and elements at 12 (16 for long/double)");
            InstanceSizes sizes = new InstanceSizes(classes, 8, 4, alignment,
                    ObjectLayout.FieldPacking.ANDROID_FROM_FILE, InjectedFields.none());
            long[] instanceSizes = new long[classes.size()];
            for (int i = 0; i < instanceSizes.length; i++) {
                instanceSizes[i] = sizes.instanceSize(i);
            }
            return new Result(new ObjectLayout(8, 4, alignment, bases, ObjectLayout.FieldPacking.ANDROID_FROM_FILE,
                    0, notes), sizes, instanceSizes);
        }

        InjectedFields injected = InjectedFields.forHotSpot(classes,
                symbols.findTexts(InjectedFields.TELLING_SYMBOLS), header.idSize());
        int headerSize;
        int referenceSize;
        int[] bases;
        UnsafeConstants unsafe = UnsafeConstants.find(classes);
        if (unsafe != null) {
            headerSize = unsafe.headerSize();
            referenceSize = unsafe.referenceSize();
            bases = unsafe.arrayBases();
            notes.add(referenceSize + "-byte references: " + unsafe.className() + ".ARRAY_OBJECT_INDEX_SCALE = "
                    + referenceSize);
            notes.add(headerSize + "-byte object headers: " + unsafe.className() + ".ARRAY_BYTE_BASE_OFFSET = "
                    + bases[HprofBasicType.BYTE] + " holds the header and the 4-byte array length"
                    + (bases[HprofBasicType.BYTE] > headerSize + 4 ? " (rounded up to 8)" : ""));
            notes.add("array element offsets: " + unsafe.className() + ".ARRAY_*_BASE_OFFSET");
        } else {
            int[][] modes = header.idSize() == 8 ? HOTSPOT_MODES_64 : HOTSPOT_MODES_32;
            long[] scores = new long[modes.length];
            int best = 0;
            for (int m = 0; m < modes.length; m++) {
                int[] modeBases = ObjectLayout.hotSpotArrayBases(modes[m][0], modes[m][1], modes[m][2] == 1);
                scores[m] = arrayScore(evidence, modeBases, modes[m][1], alignment)
                        + instanceScore(classes, new InstanceSizes(classes, modes[m][0], modes[m][1], alignment,
                                ObjectLayout.FieldPacking.HOTSPOT_GAP_FILLING, injected));
                if (scores[m] > scores[best]) {
                    best = m;
                }
            }
            if (scores[best] < MIN_VOTES) {
                best = 0; // too little evidence to move away from the most common mode
            }
            long bestScore = scores[best];
            headerSize = modes[best][0];
            referenceSize = modes[best][1];
            bases = ObjectLayout.hotSpotArrayBases(headerSize, referenceSize, modes[best][2] == 1);
            notes.add(bestScore > 0
                    ? headerSize + "-byte object headers and " + referenceSize + "-byte references: the HotSpot mode"
                            + " that matches most address gaps after arrays and instances (" + bestScore + ")"
                    : headerSize + "-byte object headers and " + referenceSize + "-byte references: the usual "
                            + (header.idSize() * 8) + "-bit HotSpot default (the dump has no Unsafe constants and no"
                            + " address gaps to tell)");
        }

        InstanceSizes gapFilling = new InstanceSizes(classes, headerSize, referenceSize, alignment,
                ObjectLayout.FieldPacking.HOTSPOT_GAP_FILLING, injected);
        InstanceSizes legacy = new InstanceSizes(classes, headerSize, referenceSize, alignment,
                ObjectLayout.FieldPacking.HOTSPOT_LEGACY, injected);
        long gapFillingScore = instanceScore(classes, gapFilling);
        long legacyScore = instanceScore(classes, legacy);
        long observed = observedInstanceGaps(classes);
        boolean useLegacy = legacyScore > gapFillingScore;
        InstanceSizes sizes = useLegacy ? legacy : gapFilling;
        ObjectLayout.FieldPacking packing = useLegacy ? ObjectLayout.FieldPacking.HOTSPOT_LEGACY
                : ObjectLayout.FieldPacking.HOTSPOT_GAP_FILLING;
        notes.add(observed == 0 ? packing.description() + ": the default (no address gaps after instances to vote)"
                : packing.description() + ": instance sizes match " + Math.max(gapFillingScore, legacyScore) + " of "
                        + observed + " address gaps after instances (the other packing: "
                        + Math.min(gapFillingScore, legacyScore) + ")");

        boolean reliable = observed > 0 && Math.max(gapFillingScore, legacyScore) >= RELIABLE_GAP_SHARE * observed;
        if (observed > 0 && !reliable) {
            notes.add("address gaps are not used to correct sizes: too few of them match any layout (the collector"
                    + " does not keep live objects next to each other, e.g. ZGC)");
        }
        int mirrorBase = mirrorBase(classes, sizes, index, alignment, referenceSize, reliable, notes);
        long[] instanceSizes = reliable ? correctFromGaps(classes, new InstanceSizes(classes, headerSize,
                referenceSize, alignment, packing, injected), notes) : simulatedSizes(classes, sizes);
        return new Result(new ObjectLayout(headerSize, referenceSize, alignment, bases, packing, mirrorBase, notes),
                sizes, instanceSizes);
    }

    private static long[] simulatedSizes(ClassDefinitions classes, InstanceSizes sizes) {
        long[] result = new long[classes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = sizes.instanceSize(i);
        }
        return result;
    }

    /**
     * The simulated instance size of each class, replaced by what the addresses show where they contradict it:
     * when no instance of a class ends exactly at the next object but at least two (and at least half of those
     * followed by a neighbour) end at the same other gap, that gap is the size; a gap smaller than the simulated
     * size proves it too large. This catches what the file cannot tell: {@code @Contended} padding and fields the
     * VM injects that {@link InjectedFields} does not know. Subclasses of a corrected class are laid out after it,
     * without using gaps inside it (as HotSpot does after {@code @Contended} fields).
     */
    private static long[] correctFromGaps(ClassDefinitions classes, InstanceSizes sizes, List<String> notes) {
        long[] result = new long[classes.size()];
        List<String> corrected = new ArrayList<>();
        // Superclasses first, so a subclass is laid out after its corrected superclass.
        for (int i : classes.indexesBySuperclassDepth()) {
            HprofClass c = classes.get(i);
            long simulated = sizes.instanceSize(i);
            result[i] = simulated;
            if (c.gapObservations == 0 || "java.lang.Class".equals(c.javaName) || c.gapCount(simulated) > 0) {
                continue;
            }
            long mode = c.mostFrequentGap();
            int modeCount = c.gapCount(mode);
            long measured = -1;
            if (modeCount >= 2 && 2 * modeCount >= c.gapObservations && mode <= c.minGap) {
                measured = mode;
            } else if (c.minGap < simulated) {
                measured = c.minGap;
            }
            if (measured > 0) {
                result[i] = measured;
                sizes.setMeasured(i, (int) measured);
                corrected.add(c.javaName + " " + simulated + " -> " + measured);
            }
        }
        if (!corrected.isEmpty()) {
            notes.add(corrected.size() + " classes sized from address gaps because their instances' neighbours"
                    + " contradict the simulated layout (@Contended padding or VM-injected fields): "
                    + String.join(", ", corrected.subList(0, Math.min(12, corrected.size())))
                    + (corrected.size() > 12 ? ", ..." : ""));
        }
        return result;
    }

    private static int alignment(LayoutEvidence evidence, List<String> notes) {
        if (evidence.objectCount < 64 || evidence.idBits == 0) {
            notes.add("8-byte alignment: the default (too few objects to tell from their addresses)");
            return 8;
        }
        long lowest = Long.lowestOneBit(evidence.idBits);
        int alignment = (int) Math.max(8, Math.min(256, lowest));
        notes.add(alignment + "-byte alignment: the lowest address bit set in any of the " + evidence.objectCount
                + " objects" + (lowest < 8 ? " is below 8, so the JVM minimum of 8 is used" : ""));
        return alignment;
    }

    private static long arrayScore(LayoutEvidence evidence, int[] bases, int referenceSize, int alignment) {
        long score = 0;
        for (int i = 0; i < evidence.sampleCount; i++) {
            int type = evidence.sampleTypes[i];
            int elementSize = type == HprofBasicType.OBJECT ? referenceSize : HprofBasicType.primitiveSize(type);
            long size = bases[type] + (long) evidence.sampleLengths[i] * elementSize;
            size = (size + alignment - 1) / alignment * alignment;
            if (size == evidence.sampleGaps[i]) {
                score++;
            }
        }
        return score;
    }

    /** Address gaps after instances that equal the instance size under these sizes. */
    private static long instanceScore(ClassDefinitions classes, InstanceSizes sizes) {
        long score = 0;
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            if (c.gapObservations > 0 && !"java.lang.Class".equals(c.javaName)) {
                score += c.gapCount(sizes.instanceSize(i));
            }
        }
        return score;
    }

    private static long observedInstanceGaps(ClassDefinitions classes) {
        long n = 0;
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            if (!"java.lang.Class".equals(c.javaName)) {
                n += c.gapObservations;
            }
        }
        return n;
    }

    /**
     * The size of a {@code java.lang.Class} instance (without statics): the candidate that makes the most mirrors
     * end exactly where the next object in memory starts. The dump lists only the Java fields of
     * {@code java.lang.Class}, not the ones the VM injects, so the declared fields give only a lower bound.
     */
    private static int mirrorBase(ClassDefinitions classes, InstanceSizes sizes, ObjectIdIndex index, int alignment,
            int referenceSize, boolean gapsReliable, List<String> notes) {
        int classClass = -1;
        for (int i = 0; i < classes.size(); i++) {
            if ("java.lang.Class".equals(classes.get(i).javaName)) {
                classClass = i;
                break;
            }
        }
        int declared = classClass < 0 ? 0 : sizes.declaredFieldsEnd(classClass);
        if (!gapsReliable) {
            return guessedMirrorBase(classClass < 0 ? null : classes.get(classClass), declared, alignment,
                    referenceSize, notes);
        }
        int lowest = (int) ((declared + alignment - 1L) / alignment * alignment);
        int candidates = 24;
        long[] votes = new long[candidates];
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            long next = index.nextIdAfter(c.id);
            long gap = next < 0 ? -1 : next - c.id;
            if (gap <= 0 || gap > LayoutEvidence.MAX_GAP) {
                continue;
            }
            // mirror = base + statics rounded to the alignment, with the base a multiple of the alignment
            long statics = (sizes.staticBytes(i) + alignment - 1) / alignment * alignment;
            long base = gap - statics;
            if (base >= lowest && base % alignment == 0 && (base - lowest) / alignment < candidates) {
                votes[(int) ((base - lowest) / alignment)]++;
            }
        }
        int best = 0;
        for (int k = 1; k < candidates; k++) {
            if (votes[k] > votes[best]) {
                best = k;
            }
        }
        if (votes[best] > 0) {
            long runnerUp = 0;
            for (int k = 0; k < candidates; k++) {
                if (k != best) {
                    runnerUp = Math.max(runnerUp, votes[k]);
                }
            }
            int base = lowest + best * alignment;
            notes.add("java.lang.Class instances " + base + " bytes before statics: mirrors of that size end where the"
                    + " next object starts for " + votes[best] + " of " + classes.size() + " classes (next best "
                    + runnerUp + "); the Java fields alone take " + declared);
            return base;
        }
        return guessedMirrorBase(classClass < 0 ? null : classes.get(classClass), declared, alignment, referenceSize,
                notes);
    }

    /**
     * Without usable address gaps: the declared fields of {@code java.lang.Class} plus what HotSpot injects (the
     * klass and array klass pointers, the oop_size and static_oop_field_count ints, the source file, and the
     * protection domain and signers where they are not Java fields yet; with both as Java fields, as in JDK 25, one
     * more reference). Fitted to JDK 17 and 25 (112/176 and 120/192 bytes with and without compressed oops).
     */
    private static int guessedMirrorBase(HprofClass classClass, int declared, int alignment, int referenceSize,
            List<String> notes) {
        boolean declaresProtectionDomain = classClass != null && declares(classClass, "protectionDomain");
        boolean declaresSigners = classClass != null && declares(classClass, "signers");
        int references = 1 + (declaresProtectionDomain ? 0 : 1) + (declaresSigners ? 0 : 1)
                + (declaresProtectionDomain && declaresSigners ? 1 : 0);
        int end = (declared + 7) / 8 * 8 + 16 + 8 + references * referenceSize;
        int guess = (end + alignment - 1) / alignment * alignment;
        notes.add("java.lang.Class instances " + guess + " bytes before statics: the Java fields (" + declared
                + ") plus the fields HotSpot injects (no reliable address gaps to measure)");
        return guess;
    }

    private static boolean declares(HprofClass c, String field) {
        for (String name : c.fieldNames) {
            if (field.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
