package heapscope.parser.read.hprof.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.JavaNames;
import org.junit.jupiter.api.Test;

/**
 * Instance and array sizes worked out by hand from HotSpot's layout rules, for the layout simulations alone.
 * Sizes are "end of the last field", before rounding to the 8-byte alignment, unless said otherwise.
 */
class FieldLayoutTest {
    private static final int[] NONE = {};

    private static int gapFilling(int header, int referenceSize, int[][] primitivesByClass, int[] referencesByClass) {
        GapFillingFieldLayout.Fields fields = null;
        for (int k = 0; k < primitivesByClass.length; k++) {
            fields = GapFillingFieldLayout.layout(header, fields, primitivesByClass[k], referencesByClass[k],
                    referenceSize);
        }
        return fields.end();
    }

    private static int align8(int size) {
        return (size + 7) / 8 * 8;
    }

    @Test
    void aPlainObjectIsJustItsHeader() {
        assertEquals(16, align8(gapFilling(12, 4, new int[][] {NONE}, new int[] {0})));
        assertEquals(16, align8(gapFilling(16, 8, new int[][] {NONE}, new int[] {0})));
        assertEquals(8, align8(gapFilling(8, 4, new int[][] {NONE}, new int[] {0})));
    }

    @Test
    void anIntFillsTheHeaderTailAndALongStartsAtSixteen() {
        // {int}: 12..16 -> 16.   {long}: 16..24 -> 24 (the 4 bytes at 12 stay empty).
        assertEquals(16, gapFilling(12, 4, new int[][] {{4}}, new int[] {0}));
        assertEquals(24, gapFilling(12, 4, new int[][] {{8}}, new int[] {0}));
        // {long, int}: the int takes 12..16, the long 16..24 -> 24.
        assertEquals(24, gapFilling(12, 4, new int[][] {{8, 4}}, new int[] {0}));
    }

    @Test
    void subclassFieldsFillGapsLeftInTheSuperclassSinceJdk15() {
        // A {long a}; B extends A {boolean b}; C extends B {int c}; D extends C {boolean d} (Shipilev's example).
        // A: a 16..24, gap 12..16.  B: b at 12.  C: no 4-byte gap left (13..16 is 3 bytes): c at 24..28.
        // D: d at 13.  End 28 -> 32 bytes (the legacy layout needs 40, see below).
        int[][] primitives = {{8}, {1}, {4}, {1}};
        assertEquals(28, gapFilling(12, 4, primitives, new int[] {0, 0, 0, 0}));
        assertEquals(32, align8(gapFilling(12, 4, primitives, new int[] {0, 0, 0, 0})));
    }

    @Test
    void primitivesGoWidestFirstAndReferencesLast() {
        // {Object r; byte b}: b at 12, r aligned to 16..20 -> 24.
        assertEquals(20, gapFilling(12, 4, new int[][] {{1}}, new int[] {1}));
        // The test program's Hold$C: A {long a; boolean b; int c}, B extends A {boolean d}, C extends B
        // {Object ref; byte e}: A: c 12, a 16..24, b 24.  B: d 25.  C: e 26, ref 28..32 -> 32 (jcmd says 32).
        assertEquals(32, gapFilling(12, 4, new int[][] {{8, 1, 4}, {1}, {1}}, new int[] {0, 0, 1}));
        // Without compressed oops: ... C: e 26, ref 32..40 -> 40.
        assertEquals(40, gapFilling(12, 8, new int[][] {{8, 1, 4}, {1}, {1}}, new int[] {0, 0, 1}));
    }

    @Test
    void smallFieldsShareTheHeaderTailWhetherDeclaredInTheClassOrASubclass() {
        // A {long x; short s}: x 16..24, s 12..14, a 2-byte gap at 14.  B extends A {byte a; byte b}: the bytes
        // take 14 and 15, so B is as large as A: 24.  The same four fields in one class: also 24.
        assertEquals(24, gapFilling(12, 4, new int[][] {{8, 2}, {1, 1}}, new int[] {0, 0}));
        assertEquals(24, gapFilling(12, 4, new int[][] {{8, 2, 1, 1}}, new int[] {0}));
        // With a third byte there is no gap left: it goes to 24 -> 25.
        assertEquals(25, gapFilling(12, 4, new int[][] {{8, 2}, {1, 1, 1}}, new int[] {0, 0}));
    }

    @Test
    void theLegacyLayoutStartsEachClassAfterItsSuperclassAndNeverReusesItsGaps() {
        // Shipilev's A/B/C/D with compressed oops: A: long at 16 (12..16 unused) -> 24; B: b 24 -> 28 (rounded to
        // the 4-byte reference size); C: c 28..32; D: d 32 -> 33 -> 40 bytes.
        int end = 12;
        boolean hasSuper = false;
        for (int[] own : new int[][] {{8}, {1}, {4}, {1}}) {
            end = LegacyFieldLayout.blockEnd("D", end, hasSuper, own, 0, 4);
            hasSuper = true;
        }
        assertEquals(33, end);
        assertEquals(40, align8(end));
        // Without compressed class pointers or oops (header 16, references 8): 48 bytes.
        end = 16;
        hasSuper = false;
        for (int[] own : new int[][] {{8}, {1}, {4}, {1}}) {
            end = LegacyFieldLayout.blockEnd("D", end, hasSuper, own, 0, 8);
            hasSuper = true;
        }
        assertEquals(48, align8(end));
        // An int fills the gap before a long: {long; int} -> int 12, long 16..24 -> 24.
        assertEquals(24, LegacyFieldLayout.blockEnd("X", 12, false, new int[] {8, 4}, 0, 4));
    }

    @Test
    void staticsAreAppendedReferencesFirstWithoutRefillingAlignmentGaps() {
        // java.io.BufferedInputStream on JDK 17 (statics: long, Object, int) after a 112-byte java.lang.Class:
        // the reference 112..116, the long 120..128, the int 128..132 (not into 116..120) -> mirror 136.
        int end = GapFillingFieldLayout.staticsEnd(112, new int[] {8, 4}, 1, 4);
        assertEquals(132, end);
        assertEquals(136, 112 + align8(end - 112));
    }

    @Test
    void arraysAreTheirBasePlusElementsRounded() {
        int[] bases = ObjectLayout.hotSpotArrayBases(12, 4, true);
        ObjectLayout layout = new ObjectLayout(12, 4, 8, bases, ObjectLayout.FieldPacking.HOTSPOT_GAP_FILLING, 112,
                java.util.List.of());
        assertEquals(16, layout.arraySize(HprofBasicType.INT, 0));
        assertEquals(24, layout.arraySize(HprofBasicType.BYTE, 5)); // 16 + 5 -> 24
        assertEquals(32, layout.arraySize(HprofBasicType.LONG, 2)); // 16 + 16
        assertEquals(32, layout.arraySize(HprofBasicType.OBJECT, 3)); // 16 + 12 -> 32
        // Arrays of more than 2^31 bytes: 64-bit arithmetic (a long[] of 2^30 elements is 8 GB + 16).
        assertEquals((1L << 33) + 16, layout.arraySize(HprofBasicType.LONG, 1L << 30));
        // JDK 17 without compressed class pointers: the length at 16 and every base rounded up to 24.
        assertEquals(24, ObjectLayout.hotSpotArrayBases(16, 4, true)[HprofBasicType.BYTE]);
        // JDK 22+ without compressed class pointers: bytes right after the length, at 20; longs at 24.
        assertEquals(20, ObjectLayout.hotSpotArrayBases(16, 4, false)[HprofBasicType.BYTE]);
        assertEquals(24, ObjectLayout.hotSpotArrayBases(16, 4, false)[HprofBasicType.LONG]);
        // Compact object headers (JDK 24+): an 8-byte header, the length at 8, ints at 12.
        assertEquals(12, ObjectLayout.hotSpotArrayBases(8, 4, false)[HprofBasicType.INT]);
    }

    @Test
    void theHeaderFollowsFromWhereByteArraysStart() {
        assertEquals(12, UnsafeConstants.headerForByteBase(16));
        assertEquals(16, UnsafeConstants.headerForByteBase(24)); // JDK 17 -XX:-UseCompressedClassPointers
        assertEquals(16, UnsafeConstants.headerForByteBase(20)); // the same on JDK 22+
        assertEquals(8, UnsafeConstants.headerForByteBase(12)); // compact object headers
    }

    @Test
    void javaNamesComeFromInternalNames() {
        assertEquals("java.util.HashMap$Node", JavaNames.fromInternal("java/util/HashMap$Node"));
        assertEquals("java.lang.String[]", JavaNames.fromInternal("[Ljava/lang/String;"));
        assertEquals("int[][]", JavaNames.fromInternal("[[I"));
        assertEquals("byte[]", JavaNames.fromInternal("[B"));
        assertEquals("java.lang.invoke.LambdaForm$MH/0x00007f0c1c001000",
                JavaNames.fromInternal("java/lang/invoke/LambdaForm$MH+0x00007f0c1c001000"));
        assertEquals("java.lang.Object", JavaNames.fromInternal("java.lang.Object"));
    }
}
