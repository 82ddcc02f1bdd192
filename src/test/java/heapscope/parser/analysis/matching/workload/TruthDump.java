package heapscope.parser.analysis.matching.workload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The truth a dump of {@link IdentityWorkload} carries: the {@code truthSerial} of every object of the workload's own
 * classes, by address. Reading it also writes a copy of the dump in which every such serial is zero, so the code under
 * test sees objects that differ only in what the program really put in them.
 *
 * <p>A parser of its own, independent of Heapscope's reader: it knows just enough HPROF (UTF8, LOAD CLASS, heap dump
 * segments with HotSpot's sub-records) to find the serial field. Test code; reads the whole dump into memory.
 */
public final class TruthDump {
    private static final String SERIAL_FIELD = "truthSerial";

    /** A workload object: its address in the dump, its class and its serial. */
    public record TrackedObject(long address, String className, long serial) {
    }

    private final List<TrackedObject> objects;

    private TruthDump(List<TrackedObject> objects) {
        this.objects = objects;
    }

    public List<TrackedObject> objects() {
        return objects;
    }

    /** Reads {@code dump}'s serials and writes it to {@code zeroedCopy} with every serial set to 0. */
    public static TruthDump extract(Path dump, Path zeroedCopy) throws IOException {
        byte[] bytes = Files.readAllBytes(dump);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (bytes[in.position()] != 0) {
            in.get();
        }
        in.get();
        int idSize = in.getInt();
        in.getLong();
        Map<Long, String> symbols = new HashMap<>();
        Map<Long, String> classNames = new HashMap<>();
        Map<Long, ClassInfo> classes = new HashMap<>();
        List<long[]> instances = new ArrayList<>(); // {record position, class id, address}
        while (in.hasRemaining()) {
            int tag = in.get() & 0xff;
            in.getInt();
            long length = in.getInt() & 0xffffffffL;
            int bodyStart = in.position();
            int end = (int) (bodyStart + length);
            switch (tag) {
                case 0x01 -> {
                    long id = id(in, idSize);
                    byte[] text = new byte[end - in.position()];
                    in.get(text);
                    symbols.put(id, new String(text, StandardCharsets.UTF_8));
                }
                case 0x02 -> {
                    in.getInt();
                    long classId = id(in, idSize);
                    in.getInt();
                    classNames.put(classId, symbols.get(id(in, idSize)).replace('/', '.'));
                }
                case 0x0C, 0x1C -> readSegment(in, end, idSize, symbols, classes, instances);
                default -> {
                }
            }
            in.position(end);
        }
        List<TrackedObject> objects = new ArrayList<>();
        for (long[] instance : instances) {
            int serialOffset = serialOffset(classes, instance[1], idSize);
            if (serialOffset < 0) {
                continue;
            }
            int at = (int) instance[0] + serialOffset;
            objects.add(new TrackedObject(instance[2], classNames.get(instance[1]), in.getLong(at)));
            in.putLong(at, 0);
        }
        Files.write(zeroedCopy, bytes);
        return new TruthDump(objects);
    }

    private record ClassInfo(long superId, List<String> fieldNames, List<Integer> fieldTypes) {
    }

    private static void readSegment(ByteBuffer in, int end, int idSize, Map<Long, String> symbols,
            Map<Long, ClassInfo> classes, List<long[]> instances) {
        while (in.position() < end) {
            int tag = in.get() & 0xff;
            switch (tag) {
                case 0xFF, 0x05, 0x07 -> in.position(in.position() + idSize);
                case 0x01 -> in.position(in.position() + 2 * idSize);
                case 0x02, 0x03, 0x08 -> in.position(in.position() + idSize + 8);
                case 0x04, 0x06 -> in.position(in.position() + idSize + 4);
                case 0x20 -> readClass(in, idSize, symbols, classes);
                case 0x21 -> {
                    long address = id(in, idSize);
                    in.getInt();
                    long classId = id(in, idSize);
                    int fieldBytes = in.getInt();
                    instances.add(new long[] {in.position(), classId, address});
                    in.position(in.position() + fieldBytes);
                }
                case 0x22 -> {
                    id(in, idSize);
                    in.getInt();
                    int length = in.getInt();
                    id(in, idSize);
                    in.position(in.position() + length * idSize);
                }
                case 0x23 -> {
                    id(in, idSize);
                    in.getInt();
                    int length = in.getInt();
                    int type = in.get();
                    in.position(in.position() + length * size(type, idSize));
                }
                default -> throw new IllegalStateException("sub-record tag " + tag + " at " + (in.position() - 1));
            }
        }
    }

    private static void readClass(ByteBuffer in, int idSize, Map<Long, String> symbols, Map<Long, ClassInfo> classes) {
        long id = id(in, idSize);
        in.getInt();
        long superId = id(in, idSize);
        in.position(in.position() + 5 * idSize + 4);
        int constants = in.getShort() & 0xffff;
        for (int i = 0; i < constants; i++) {
            in.getShort();
            int type = in.get();
            in.position(in.position() + size(type, idSize));
        }
        int statics = in.getShort() & 0xffff;
        for (int i = 0; i < statics; i++) {
            id(in, idSize);
            int type = in.get();
            in.position(in.position() + size(type, idSize));
        }
        int fields = in.getShort() & 0xffff;
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < fields; i++) {
            names.add(symbols.get(id(in, idSize)));
            types.add((int) in.get());
        }
        classes.put(id, new ClassInfo(superId, names, types));
    }

    /** Where the serial is among an instance's field bytes (subclass fields first), or -1 if it has none. */
    private static int serialOffset(Map<Long, ClassInfo> classes, long classId, int idSize) {
        int offset = 0;
        for (ClassInfo c = classes.get(classId); c != null; c = classes.get(c.superId())) {
            for (int f = 0; f < c.fieldNames().size(); f++) {
                if (SERIAL_FIELD.equals(c.fieldNames().get(f)) && c.fieldTypes().get(f) == 11) {
                    return offset;
                }
                offset += size(c.fieldTypes().get(f), idSize);
            }
        }
        return -1;
    }

    private static int size(int type, int idSize) {
        return switch (type) {
            case 2 -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("basic type " + type);
        };
    }

    private static long id(ByteBuffer in, int idSize) {
        return idSize == 8 ? in.getLong() : in.getInt() & 0xffffffffL;
    }
}
