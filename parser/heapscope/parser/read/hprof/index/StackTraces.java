package heapscope.parser.read.hprof.index;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.IntLongHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Threads, stack traces and frames of a dump (THREAD OBJECT roots, TRACE and FRAME records, and LOAD CLASS serials),
 * used to name the edge from a thread to each object a frame of its stack holds, e.g.
 * {@code <local in Main.run(Main.java:12)>}. Single-threaded while filling; no IO.
 */
public final class StackTraces {
    /** Thread object id by thread serial (0 when the root names no object). */
    public final IntLongHashMap threadIdBySerial = new IntLongHashMap();
    private final IntIntHashMap traceSerialByThreadSerial = new IntIntHashMap();
    private final Map<Integer, long[]> frameIdsByTraceSerial = new HashMap<>();
    /** By frame id: method name id, signature id, source file id, class serial, line. */
    private final LongObjectHashMap<long[]> frames = new LongObjectHashMap<>();
    private final IntLongHashMap classIdBySerial = new IntLongHashMap();

    public void addThread(int threadSerial, long threadId, int traceSerial) {
        threadIdBySerial.put(threadSerial, threadId);
        traceSerialByThreadSerial.put(threadSerial, traceSerial);
    }

    public void addTrace(int traceSerial, long[] frameIds) {
        frameIdsByTraceSerial.put(traceSerial, frameIds);
    }

    public void addFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial,
            int line) {
        frames.put(frameId, new long[] {methodNameId, signatureId, sourceFileId, classSerial, line});
    }

    public void addClassSerial(int classSerial, long classId) {
        classIdBySerial.put(classSerial, classId);
    }

    /**
     * The frame as a stack trace element, e.g. {@code Main.run(Main.java:12)}, or null when the dump does not say
     * which method the thread's frame {@code depth} is.
     */
    public String describeFrame(int threadSerial, int depth, SymbolTable symbols, Map<Long, String> classNames) {
        if (depth < 0 || !traceSerialByThreadSerial.containsKey(threadSerial)) {
            return null;
        }
        long[] frameIds = frameIdsByTraceSerial.get(traceSerialByThreadSerial.get(threadSerial));
        if (frameIds == null || depth >= frameIds.length) {
            return null;
        }
        long[] frame = frames.get(frameIds[depth]);
        if (frame == null) {
            return null;
        }
        String method = symbols.get(frame[0]);
        String source = symbols.get(frame[2]);
        String className = classIdBySerial.containsKey((int) frame[3])
                ? classNames.get(classIdBySerial.get((int) frame[3])) : null;
        int line = (int) frame[4];
        String location;
        if (line == -3) {
            location = "Native Method";
        } else if (line == -2) {
            location = "Compiled Code";
        } else if (source == null || source.isEmpty() || line == -1 && source.equals("Unknown Source")) {
            location = "Unknown Source";
        } else {
            location = line > 0 ? source + ":" + line : source;
        }
        return (className == null ? "?" : className) + "." + (method == null ? "?" : method) + "(" + location + ")";
    }
}
