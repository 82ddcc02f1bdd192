package heapscope.app.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pieces that find targets, each against a fact it can be checked on: the sockets this JVM itself listens on
 * (Linux's /proc read back), Node's documented inspector flags and defaults, which addresses count as loopback.
 */
class TargetFindingTest {
    @Test
    void aServerSocketOfThisProcessIsFoundWithItsAddressAndPort() throws Exception {
        assumeTrue(ListeningPorts.available(), "needs Linux's /proc");
        try (ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                ServerSocket ipv6 = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            List<ListeningPorts.Socket> sockets = ListeningPorts.of(ProcessHandle.current().pid());
            assertTrue(sockets.contains(new ListeningPorts.Socket("127.0.0.1", loopback.getLocalPort())),
                    sockets.toString());
            assertTrue(sockets.contains(new ListeningPorts.Socket("::1", ipv6.getLocalPort())), sockets.toString());
            assertTrue(sockets.stream().allMatch(s -> s.port() > 0));
        }
        assertTrue(ListeningPorts.of(Long.MAX_VALUE).isEmpty(), "no such process: nothing, no failure");
    }

    @Test
    void procAddressesAreReadInHostByteOrder() {
        assertEquals("127.0.0.1", ListeningPorts.ipv4("0100007F"));
        assertEquals("0.0.0.0", ListeningPorts.ipv4("00000000"));
        assertEquals("10.1.2.3", ListeningPorts.ipv4("0302010A"));
        assertEquals("::", ListeningPorts.ipv6("00000000000000000000000000000000"));
        assertEquals("::1", ListeningPorts.ipv6("00000000000000000000000001000000"));
        assertEquals("127.0.0.1", ListeningPorts.ipv6("0000000000000000FFFF00000100007F"));
        assertEquals("fe80:0:0:0:0:0:0:1", ListeningPorts.ipv6("000080FE000000000000000001000000"));
    }

    @Test
    void nodeInspectorFlagsFollowNodesDefaults() {
        assertEquals(new NodeInspectorFlags(false, "127.0.0.1", 9229), parse("app.js", "--inspect=9999"));
        assertEquals(new NodeInspectorFlags(true, "127.0.0.1", 9229), parse("--inspect", "app.js"));
        assertEquals(new NodeInspectorFlags(true, "127.0.0.1", 0), parse("--inspect=127.0.0.1:0", "app.js"));
        assertEquals(new NodeInspectorFlags(true, "127.0.0.1", 9230), parse("--inspect-brk=9230", "app.js"));
        assertEquals(new NodeInspectorFlags(true, "0.0.0.0", 9229), parse("--inspect=0.0.0.0", "app.js"));
        assertEquals(new NodeInspectorFlags(true, "[::1]", 4000), parse("--inspect-wait=[::1]:4000", "app.js"));
        assertEquals(new NodeInspectorFlags(false, "127.0.0.1", 0), parse("--inspect-port=127.0.0.1:0", "app.js"));
        assertEquals(new NodeInspectorFlags(false, "127.0.0.1", 9229), parse("--max-old-space-size=4096", "x.js"));
    }

    private static NodeInspectorFlags parse(String... arguments) {
        return NodeInspectorFlags.parse(List.of(arguments));
    }

    @Test
    void onlyLoopbackAddressesAreContactedAndNoNameIsLookedUp() {
        for (String host : List.of("127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]",
                "0:0:0:0:0:0:0:1")) {
            assertTrue(Loopback.isLoopback(host), host);
        }
        for (String host : List.of("0.0.0.0", "192.0.2.7", "10.0.0.1", "example.com", "localhost.example.com",
                "127.0.0.1.example.com", "::", "fe80::1")) {
            assertFalse(Loopback.isLoopback(host), host);
        }
        CaptureException refused = assertThrows(CaptureException.class, () -> Loopback.require("10.0.0.1", "x"));
        assertTrue(refused.getMessage().startsWith("x is not on this machine's loopback address"));
    }

    @Test
    void theMainClassOfAJavaCommandLineSkipsOptionsAndTheirValues() {
        assertEquals("com.example.Main", JvmDiscovery.mainClass(List.of("-Xmx1g", "-cp", "a.jar:b.jar",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "com.example.Main", "--port", "80")));
        assertEquals("/opt/app/app.jar", JvmDiscovery.mainClass(List.of("-Dx=y", "-jar", "/opt/app/app.jar")));
        assertEquals("Prog.java", JvmDiscovery.program("jdk.compiler/com.sun.tools.javac.launcher.Main Prog.java a"));
        assertEquals("org.example.Server", JvmDiscovery.program("org.example.Server --port 80"));
    }
}
