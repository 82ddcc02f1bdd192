/**
 * Taking heap snapshots of running local programs, for both faces (the CLI's {@code capture} and the app's File ▸
 * Take snapshot…). No JavaFX here.
 *
 * <ul>
 *   <li>Finding targets: {@link heapscope.app.capture.LocalTargets} lists the JVMs the JDK's attach mechanism sees
 *       (as {@code jcmd -l}) and the V8 inspectors on loopback (Node.js processes, Chrome/Chromium started with a
 *       remote-debugging port); {@link heapscope.app.capture.TargetAddress} resolves what a user typed.</li>
 *   <li>Taking one snapshot: {@link heapscope.app.capture.JvmHeapDumper} (attach, the target's local JMX agent,
 *       {@code HotSpotDiagnosticMXBean.dumpHeap} of live objects: {@code jcmd GC.heap_dump}'s semantics) and
 *       {@link heapscope.app.capture.V8SnapshotTaker} (the DevTools protocol's {@code HeapProfiler} over the
 *       inspector's WebSocket, chunks streamed to the file).</li>
 *   <li>A series: {@link heapscope.app.capture.CaptureSession} names the files in order, with time and target.</li>
 * </ul>
 *
 * <p>Only loopback addresses are ever contacted. Every failure a user can meet is a
 * {@link heapscope.app.capture.CaptureException} whose message is one sentence; a snapshot that fails or is canceled
 * leaves no partial file behind.
 */
package heapscope.app.capture;
