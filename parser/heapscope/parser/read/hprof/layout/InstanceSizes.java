package heapscope.parser.read.hprof.layout;

import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Shallow sizes of instances and class mirrors under one candidate layout (header size, reference size, alignment,
 * field packing), computed per class from its superclass chain's field types and memoized. Classes whose chain is
 * broken (a superclass missing from the dump) are laid out as if the chain ended there.
 *
 * <p>Single-threaded; no IO.
 */
public final class InstanceSizes {
    private final ClassDefinitions classes;
    private final int headerSize;
    private final int referenceSize;
    private final int alignment;
    private final ObjectLayout.FieldPacking packing;
    private final InjectedFields injected;
    private final GapFillingFieldLayout.Fields[] gapFillingByClass;
    /** Legacy packing: end of the class's field block (unaligned) by class index, -1 until computed. */
    private final int[] legacyEndByClass;
    /** Bytes the statics add to the mirror by class index, -1 until computed. */
    private final long[] staticBytesByClass;

    InstanceSizes(ClassDefinitions classes, int headerSize, int referenceSize, int alignment,
            ObjectLayout.FieldPacking packing, InjectedFields injected) {
        this.classes = classes;
        this.injected = injected;
        this.headerSize = headerSize;
        this.referenceSize = referenceSize;
        this.alignment = alignment;
        this.packing = packing;
        this.gapFillingByClass = new GapFillingFieldLayout.Fields[classes.size()];
        this.legacyEndByClass = new int[classes.size()];
        java.util.Arrays.fill(legacyEndByClass, -1);
        this.staticBytesByClass = new long[classes.size()];
        java.util.Arrays.fill(staticBytesByClass, -1);
    }

    /**
     * Fixes a class's size to a measured one: its instances are {@code size} bytes, and its subclasses' fields go
     * after that, never into gaps inside it. Call before any subclass's size is asked for.
     */
    void setMeasured(int classIndex, int size) {
        gapFillingByClass[classIndex] = new GapFillingFieldLayout.Fields(new int[] {0}, new int[] {size}, size);
        legacyEndByClass[classIndex] = size;
    }

    /** Shallow size of an instance of class {@code classIndex}. */
    long instanceSize(int classIndex) {
        HprofClass c = classes.get(classIndex);
        return switch (packing) {
            case ANDROID_FROM_FILE -> align(Math.max(Integer.toUnsignedLong(c.instanceSizeInFile), headerSize));
            case HOTSPOT_GAP_FILLING -> align((gapFilling(classIndex).end() + 7L) / 8 * 8);
            case HOTSPOT_LEGACY -> align(legacyEnd(classIndex));
        };
    }

    /**
     * Shallow size of the class's mirror ({@code java.lang.Class} instance plus static fields) given the size of a
     * {@code java.lang.Class} instance, a multiple of 8. HotSpot's pseudo-statics ({@code <resolved_references>},
     * {@code <init_lock>}) are not fields of the mirror and are left out.
     */
    public long mirrorSize(int classIndex, int classInstanceSize) {
        return align(classInstanceSize + staticBytes(classIndex));
    }

    /**
     * Bytes the class's statics add to its mirror, rounded to 8. The static block starts at the (8-aligned) end of
     * the {@code java.lang.Class} instance and needs at most 8-byte alignment, so its size does not depend on where
     * it starts; it is computed once per class.
     */
    long staticBytes(int classIndex) {
        if (staticBytesByClass[classIndex] >= 0) {
            return staticBytesByClass[classIndex];
        }
        HprofClass c = classes.get(classIndex);
        int references = 0;
        int primitives = 0;
        for (int i = 0; i < c.staticTypes.length; i++) {
            if (c.staticTypes[i] != HprofBasicType.OBJECT) {
                primitives++;
            } else if (!isPseudoStatic(c, i)) {
                references++;
            }
        }
        int[] sizes = new int[primitives];
        int p = 0;
        for (int i = 0; i < c.staticTypes.length; i++) {
            if (c.staticTypes[i] != HprofBasicType.OBJECT) {
                sizes[p++] = HprofBasicType.primitiveSize(c.staticTypes[i]);
            }
        }
        long end;
        if (packing == ObjectLayout.FieldPacking.HOTSPOT_GAP_FILLING) {
            end = GapFillingFieldLayout.staticsEnd(0, sizes, references, referenceSize);
        } else {
            // Before JDK 15: references, then longs/doubles (8-aligned), ints/floats, shorts/chars, bytes/booleans.
            end = (long) references * referenceSize;
            int words = 0;
            int shorts = 0;
            int bytes = 0;
            int doubles = 0;
            for (int size : sizes) {
                switch (size) {
                    case 8 -> doubles++;
                    case 4 -> words++;
                    case 2 -> shorts++;
                    default -> bytes++;
                }
            }
            if (doubles > 0) {
                end = (end + 7) / 8 * 8 + 8L * doubles;
            }
            end += 4L * words + 2L * shorts + bytes;
        }
        staticBytesByClass[classIndex] = (end + 7) / 8 * 8;
        return staticBytesByClass[classIndex];
    }

    /** The instance size a class would have from its declared fields alone (used for java.lang.Class itself). */
    int declaredFieldsEnd(int classIndex) {
        return switch (packing) {
            case HOTSPOT_GAP_FILLING -> gapFilling(classIndex).end();
            case HOTSPOT_LEGACY -> legacyEnd(classIndex);
            case ANDROID_FROM_FILE -> classes.get(classIndex).instanceSizeInFile;
        };
    }

    static boolean isPseudoStatic(HprofClass c, int staticIndex) {
        return c.staticNames != null && c.staticNames[staticIndex] != null
                && c.staticNames[staticIndex].startsWith("<");
    }

    private long align(long size) {
        return (size + alignment - 1) / alignment * alignment;
    }

    private GapFillingFieldLayout.Fields gapFilling(int classIndex) {
        GapFillingFieldLayout.Fields known = gapFillingByClass[classIndex];
        if (known != null) {
            return known;
        }
        int[] chain = chain(classIndex);
        GapFillingFieldLayout.Fields fields = null;
        for (int i = chain.length - 1; i >= 0; i--) {
            int k = chain[i];
            if (gapFillingByClass[k] != null) {
                fields = gapFillingByClass[k];
                continue;
            }
            HprofClass c = classes.get(k);
            fields = GapFillingFieldLayout.layout(headerSize, fields, primitiveSizes(c), referenceCount(c),
                    referenceSize);
            gapFillingByClass[k] = fields;
        }
        return fields;
    }

    private int legacyEnd(int classIndex) {
        if (legacyEndByClass[classIndex] >= 0) {
            return legacyEndByClass[classIndex];
        }
        int[] chain = chain(classIndex);
        int end = headerSize;
        boolean hasSuper = false;
        for (int i = chain.length - 1; i >= 0; i--) {
            int k = chain[i];
            if (legacyEndByClass[k] < 0) {
                HprofClass c = classes.get(k);
                legacyEndByClass[k] = LegacyFieldLayout.blockEnd(c.javaName == null ? "" : c.javaName, end, hasSuper,
                        primitiveSizes(c), referenceCount(c), referenceSize);
            }
            end = legacyEndByClass[k];
            hasSuper = true;
        }
        return end;
    }

    /** The class and its superclasses, most derived first, stopping at a missing superclass or a cycle. */
    private int[] chain(int classIndex) {
        int[] chain = new int[8];
        int n = 0;
        int k = classIndex;
        while (k >= 0 && n <= classes.size()) {
            if (n == chain.length) {
                chain = java.util.Arrays.copyOf(chain, n * 2);
            }
            chain[n++] = k;
            HprofClass c = classes.get(k);
            k = c.superId == 0 ? -1 : classes.indexOf(c.superId);
        }
        return java.util.Arrays.copyOf(chain, n);
    }

    /** Sizes of the class's own primitive fields, the injected ones included. */
    private int[] primitiveSizes(HprofClass c) {
        int[] extra = injected.forClass(c.javaName).primitiveSizes();
        int n = extra.length;
        for (byte t : c.fieldTypes) {
            if (t != HprofBasicType.OBJECT) {
                n++;
            }
        }
        int[] sizes = new int[n];
        System.arraycopy(extra, 0, sizes, 0, extra.length);
        int i = extra.length;
        for (byte t : c.fieldTypes) {
            if (t != HprofBasicType.OBJECT) {
                sizes[i++] = HprofBasicType.primitiveSize(t);
            }
        }
        return sizes;
    }

    /** How many reference fields the class declares, the injected ones included. */
    private int referenceCount(HprofClass c) {
        int n = injected.forClass(c.javaName).references();
        for (byte t : c.fieldTypes) {
            if (t == HprofBasicType.OBJECT) {
                n++;
            }
        }
        return n;
    }
}
