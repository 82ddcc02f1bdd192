package heapscope.app.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every target on this machine: the JVMs ({@link JvmDiscovery}) and the V8 inspectors and Node.js processes
 * ({@link InspectorDiscovery}), JVMs first, each group by pid. The two searches run side by side; the whole takes up
 * to a few seconds (each JVM is attached to for its version). Stateless; call off the UI thread.
 */
public final class LocalTargets {
    private LocalTargets() {
    }

    public static List<CaptureTarget> list() {
        CompletableFuture<List<InspectorTarget>> inspectors = CompletableFuture.supplyAsync(InspectorDiscovery::list);
        List<CaptureTarget> targets = new ArrayList<>(JvmDiscovery.list());
        targets.sort(java.util.Comparator.comparingLong(CaptureTarget::pid));
        List<InspectorTarget> v8 = new ArrayList<>(inspectors.join());
        v8.sort(java.util.Comparator.comparing((InspectorTarget t) -> !t.kind().equals("node"))
                .thenComparingLong(InspectorTarget::pid).thenComparing(InspectorTarget::name));
        targets.addAll(v8);
        return targets;
    }
}
