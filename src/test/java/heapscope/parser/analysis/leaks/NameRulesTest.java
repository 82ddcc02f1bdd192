package heapscope.parser.analysis.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The rules by which the leak report writes and sorts Java class names: which classes are the JDK's, a lambda's and a
 * hidden class's per-run suffix dropped, and which held classes are plumbing rather than what a leak is about.
 */
class NameRulesTest {
    @Test
    void theJdksClassesAndPrimitiveArrays() {
        for (String jdk : new String[] {"java.util.HashMap", "javax.management.ObjectName", "jdk.internal.misc.Unsafe",
                "sun.nio.ch.FileChannelImpl", "com.sun.proxy.$Proxy1", "int[]", "byte[][]", "double[]"}) {
            assertTrue(SuspectNames.isJdk(jdk), jdk);
        }
        for (String own : new String[] {"javafx.scene.Node", "com.example.Cache", "Item", "integer[]",
                "app.java.Util"}) {
            assertFalse(SuspectNames.isJdk(own), own);
        }
    }

    @Test
    void perRunSuffixesAreDropped() {
        assertEquals("app.EditorSession$$Lambda",
                SuspectNames.unsuffixed("app.EditorSession$$Lambda$14/0x0000000800c0b000"));
        assertEquals("app.EditorSession$$Lambda", SuspectNames.unsuffixed("app.EditorSession$$Lambda/0x000071d5c8001a00"));
        assertEquals("app.Main$$Lambda", SuspectNames.unsuffixed("app.Main$$Lambda$3"));
        assertEquals("jdk.internal.reflect.GeneratedMethodAccessor1",
                SuspectNames.unsuffixed("jdk.internal.reflect.GeneratedMethodAccessor1/0x0000000800d12345"));
        assertEquals("app.Plain", SuspectNames.unsuffixed("app.Plain"));
    }

    @Test
    void plumbingIsWhatALeakIsMadeOfButNotAbout() {
        for (String plumbing : new String[] {"java.util.HashMap$Node", "java.util.concurrent.ConcurrentHashMap$Node",
                "java.util.TreeMap$Entry", "java.lang.ThreadLocal", "java.lang.ThreadLocal$ThreadLocalMap$Entry",
                "byte[]", "java.lang.Object[]", "java.lang.String", "java.lang.Long", "(system)", "(compiled code)",
                "system / Context", "Array"}) {
            assertTrue(HeldClasses.isPlumbing(plumbing), plumbing);
        }
        for (String headline : new String[] {"app.CacheEntry", "java.util.HashMap", "Item", "java.util.ArrayList",
                "onTick()", "{event, fn}"}) {
            assertFalse(HeldClasses.isPlumbing(headline), headline);
        }
    }
}
