package heapscope.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints a skipped test and its reason to the build output ({@code SKIPPED Class.method: reason}), so that a test that
 * could not run on this machine (a JDK that is not installed) says so where everyone looks, not only in the XML report.
 */
public final class ReportSkips implements TestWatcher {
    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + "."
                + context.getDisplayName() + ": " + cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + "."
                + context.getDisplayName() + ": " + reason.orElse("disabled"));
    }
}
