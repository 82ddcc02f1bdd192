package heapscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import heapscope.app.cli.HeapscopeCommand;
import heapscope.app.ui.main.ViewKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which launches start the app, and how its options read. */
class AppOptionsTest {
    @Test
    void theAppsOwnOptionsStartTheAppAndTheCliKeepsItsOwn() {
        assertTrue(AppOptions.isAppLaunch(new String[] {"--demo"}));
        assertTrue(AppOptions.isAppLaunch(new String[] {"--screenshot", "out.png", "--demo"}));
        assertFalse(AppOptions.isAppLaunch(new String[] {"--version"}));
        assertTrue(HeapscopeCommand.isCommandLine(new String[] {"--version"}));
        assertFalse(AppOptions.isAppLaunch(new String[] {"summary", "a.heapsnapshot"}));
        assertFalse(AppOptions.isAppLaunch(new String[] {"a.heapsnapshot", "b.heapsnapshot"}));
        assertFalse(HeapscopeCommand.isCommandLine(new String[] {"a.heapsnapshot", "b.heapsnapshot"}));
    }

    @Test
    void filesKeepTheirOrderAndTheScreenshotOptionsRead() {
        AppOptions options = AppOptions.parse(List.of("--screenshot", "out.png", "--view", "leaks", "c.gz", "a.gz"));
        assertEquals(Path.of("out.png"), options.screenshot());
        assertEquals(ViewKind.LEAKS, options.view());
        assertEquals(List.of(Path.of("c.gz"), Path.of("a.gz")), options.files());
        assertFalse(options.demo());
        assertTrue(AppOptions.parse(List.of("--demo", "--expand-top")).expandTop());
        assertEquals("Objects allocated between Snapshot 1 and Snapshot 2", AppOptions.parse(List.of("--filter",
                "Objects allocated between Snapshot 1 and Snapshot 2", "a.hprof")).filter());
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--view", "nope")));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--screenshot")));
    }
}
