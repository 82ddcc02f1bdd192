package heapscope.parser.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NodeSizesTest {
    private static final long FOUR_GIB = 4L << 30;

    @Test
    void sizesAboveTwoGibKeepEveryBit() {
        NodeSizes sizes = new NodeSizes(3);
        sizes.set(0, Integer.MAX_VALUE);
        sizes.set(1, Integer.MAX_VALUE + 1L);
        sizes.set(2, 281_474_976_710_655L);
        assertEquals(Integer.MAX_VALUE, sizes.get(0));
        assertEquals(Integer.MAX_VALUE + 1L, sizes.get(1));
        assertEquals(281_474_976_710_655L, sizes.get(2));
    }

    @Test
    void addingCrossesTheBoundaryBothWays() {
        NodeSizes sizes = new NodeSizes(2);
        sizes.set(0, Integer.MAX_VALUE - 10L);
        sizes.add(0, FOUR_GIB);
        assertEquals(FOUR_GIB + Integer.MAX_VALUE - 10L, sizes.get(0));
        sizes.add(0, -FOUR_GIB);
        assertEquals(Integer.MAX_VALUE - 10L, sizes.get(0));
        sizes.set(1, FOUR_GIB);
        sizes.set(1, 0);
        assertEquals(0, sizes.get(1));
        assertEquals(2 * 2 + 12, sizes.retainedBytes(), "2 bytes a node, and node 0's size (above 64 KiB) in the table");
    }

    @Test
    void sizesFrom64KibUpGoToTheSideTable() {
        NodeSizes sizes = new NodeSizes(3);
        sizes.set(0, 0xFFFE);
        sizes.set(1, 0xFFFF);
        sizes.set(2, 1 << 20);
        assertEquals(0xFFFE, sizes.get(0));
        assertEquals(0xFFFF, sizes.get(1));
        assertEquals(1 << 20, sizes.get(2));
        assertEquals(3 * 2 + 2 * 12, sizes.retainedBytes());
    }

    /** A chain of objects each retaining the rest: most sizes are large, so 4 bytes a node beat the table. */
    @Test
    void manyLargeSizesWidenToFourBytesANode() {
        int n = 100_000;
        NodeSizes sizes = new NodeSizes(n);
        for (int node = 0; node < n; node++) {
            sizes.set(node, 100_000L + node);
        }
        sizes.set(7, FOUR_GIB);
        for (int node = 0; node < n; node++) {
            assertEquals(node == 7 ? FOUR_GIB : 100_000L + node, sizes.get(node), "node " + node);
        }
        assertEquals(4L * n + 12, sizes.retainedBytes(), "4 bytes a node and the one size above 2 GiB");
    }

    @Test
    void aCopyIsIndependent() {
        NodeSizes sizes = new NodeSizes(2);
        sizes.set(0, 7);
        sizes.set(1, FOUR_GIB);
        NodeSizes copy = sizes.copy();
        copy.add(0, 1);
        copy.add(1, 1);
        assertEquals(7, sizes.get(0));
        assertEquals(FOUR_GIB, sizes.get(1));
        assertEquals(8, copy.get(0));
        assertEquals(FOUR_GIB + 1, copy.get(1));
    }
}
