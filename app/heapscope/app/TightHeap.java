package heapscope.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Asks the JVM to keep its heap close to what is live. An open heap dump is a few dozen huge arrays that live as long
 * as the snapshot is open; with the JVM's default free-ratio policy (40–70 % free after each collection), G1 grows the
 * heap far beyond them while the analysis runs, and every region it grows into becomes resident memory: on the 262 MB
 * TypeScript snapshot that was about 50 MB of the process's peak. Keeping at most 10 % free costs a few more short
 * collections (under 0.1 s there).
 *
 * <p>{@code MinHeapFreeRatio} and {@code MaxHeapFreeRatio} are HotSpot's "manageable" options: the only heap settings a
 * program started with {@code java -jar} can change itself. A value given on the command line is left alone, and so
 * is a JVM without these options.
 */
final class TightHeap {
    private TightHeap() {
    }

    static void apply() {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (IllegalArgumentException | LinkageError notHotSpot) {
            return;
        }
        if (vm == null || !isDefault(vm, "MinHeapFreeRatio") || !isDefault(vm, "MaxHeapFreeRatio")) {
            return;
        }
        // Lower bound first: the JVM rejects a minimum above the maximum.
        vm.setVMOption("MinHeapFreeRatio", "0");
        vm.setVMOption("MaxHeapFreeRatio", "10");
    }

    private static boolean isDefault(HotSpotDiagnosticMXBean vm, String option) {
        try {
            VMOption value = vm.getVMOption(option);
            return value.isWriteable() && value.getOrigin() == VMOption.Origin.DEFAULT;
        } catch (IllegalArgumentException unknownOption) {
            return false;
        }
    }
}
