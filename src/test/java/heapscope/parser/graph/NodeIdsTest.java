package heapscope.parser.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeIdsTest {
    @Test
    void hprofAddressesKeepFourBytesANodeAndEveryBit() {
        long[] ids = {0, 0, 0x7_0000_0010L, 0x7_0000_0020L, 0x7_FFFF_FFF8L, 0x8_0000_0000L, 0x8_0000_0008L,
                0xFFFF_FFFF_FFFF_FFF8L};
        NodeIds nodeIds = new NodeIds(ids.length, false);
        for (int i = 0; i < ids.length; i++) {
            nodeIds.set(i, ids[i]);
        }
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], nodeIds.get(i), "node " + i);
        }
        assertEquals(4L * ids.length + 8 * 4, nodeIds.retainedBytes(), "four high words");
    }

    /** Addresses whose high word changes all the time (no real heap does this) are kept whole. */
    @Test
    void highWordsThatKeepChangingAreKeptWhole() {
        int n = 10_000;
        NodeIds nodeIds = new NodeIds(n, false);
        for (int i = 0; i < n; i++) {
            nodeIds.set(i, ((long) (i % 3) << 32) | i);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(((long) (i % 3) << 32) | i, nodeIds.get(i), "node " + i);
        }
        assertEquals(8L * n, nodeIds.retainedBytes());
    }

    @Test
    void v8IdsAreUnsigned32Bit() {
        NodeIds nodeIds = new NodeIds(2, true);
        nodeIds.set(0, 0xFFFF_FFFFL);
        assertEquals(0xFFFF_FFFFL, nodeIds.get(0));
        assertThrows(GraphFormatException.class, () -> nodeIds.set(1, 1L << 32));
    }
}
