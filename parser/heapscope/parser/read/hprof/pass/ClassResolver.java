package heapscope.parser.read.hprof.pass;

import heapscope.parser.graph.EdgeType;
import heapscope.parser.read.hprof.format.HprofBasicType;
import heapscope.parser.read.hprof.format.JavaNames;
import heapscope.parser.read.hprof.index.ClassDefinitions;
import heapscope.parser.read.hprof.index.HprofClass;

/**
 * Completes the classes after the first pass: Java names (from LOAD CLASS and UTF8 records), static field names,
 * superclass indexes, reference plans over the whole superclass chain, and the names and types of the edges each
 * reference field becomes. {@code java.lang.ref.Reference.referent} becomes a {@link EdgeType#WEAK} edge in every
 * subclass (weak, soft, phantom and final references): it does not keep its target alive.
 *
 * <p>Single-threaded; no IO.
 */
public final class ClassResolver {
    static final String REFERENCE_CLASS = "java.lang.ref.Reference";
    static final String REFERENT_FIELD = "referent";

    private ClassResolver() {
    }

    /** Names, statics, superclasses and reference plans; needs no string table. */
    public static void resolve(IndexingPass pass, int idSize) {
        ClassDefinitions classes = pass.classes;
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            String name = pass.classNameIdByClassId.containsKey(c.id)
                    ? pass.symbols.get(pass.classNameIdByClassId.get(c.id)) : null;
            c.javaName = name != null ? JavaNames.fromInternal(name) : String.format("(unknown class 0x%x)", c.id);
            c.staticNames = new String[c.staticNameIds.length];
            for (int s = 0; s < c.staticNames.length; s++) {
                c.staticNames[s] = pass.symbols.get(c.staticNameIds[s]);
            }
            c.fieldNames = new String[c.fieldNameIds.length];
            for (int f = 0; f < c.fieldNames.length; f++) {
                c.fieldNames[f] = pass.symbols.get(c.fieldNameIds[f]);
            }
            c.superIndex = c.superId == 0 ? -1 : classes.indexOf(c.superId);
        }
        for (int i = 0; i < classes.size(); i++) {
            classes.ensurePlan(classes.get(i), idSize, true);
        }
    }

    /** Interns each class's name and the names of the edges its instances' reference fields become. */
    public static void nameEdges(IndexingPass pass, Interner names) {
        ClassDefinitions classes = pass.classes;
        for (int i = 0; i < classes.size(); i++) {
            HprofClass c = classes.get(i);
            c.nameIndex = names.intern(c.javaName);
            c.labelIndex = names.intern("class " + c.javaName);
            int refs = c.referenceOffsets == null ? 0 : c.referenceOffsets.length;
            c.referenceNameIndexes = new int[refs];
            c.referenceEdgeTypes = new byte[refs];
            int r = 0;
            HprofClass k = c;
            int depth = 0;
            while (k != null && r < refs && depth++ <= classes.size()) {
                boolean isReference = REFERENCE_CLASS.equals(k.javaName);
                for (int f = 0; f < k.fieldTypes.length && r < refs; f++) {
                    if (k.fieldTypes[f] != HprofBasicType.OBJECT) {
                        continue;
                    }
                    String field = k.fieldNames[f];
                    if (field == null) {
                        field = "(field " + f + " of " + k.javaName + ")";
                    }
                    c.referenceNameIndexes[r] = names.intern(field);
                    c.referenceEdgeTypes[r] = isReference && REFERENT_FIELD.equals(field) ? EdgeType.WEAK
                            : EdgeType.PROPERTY;
                    r++;
                }
                k = k.superIndex < 0 ? null : classes.get(k.superIndex);
            }
        }
    }
}
