package heapscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine (parser/) stands alone: no JavaFX, no app code, so it can run headless and be reused. */
@AnalyzeClasses(packages = "heapscope", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule engineUsesNoJavaFx = noClasses().that().resideInAPackage("heapscope.parser..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    /** Taking snapshots serves both faces: the CLI must not pull in JavaFX through it. */
    @ArchTest
    static final ArchRule captureUsesNoJavaFx = noClasses().that().resideInAPackage("heapscope.app.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "heapscope.app.ui..");

    @ArchTest
    static final ArchRule engineDoesNotKnowTheApp = noClasses().that().resideInAPackage("heapscope.parser..")
            .should().dependOnClassesThat().resideInAPackage("heapscope.app..");

    /** The HPROF reader's parts use only the parts below them (read/hprof/package-info.java lists them). */
    @ArchTest
    static final ArchRule hprofReaderPartsAreLayered = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("reader").definedBy("heapscope.parser.read.hprof")
            .layer("pass").definedBy("heapscope.parser.read.hprof.pass")
            .layer("objects").definedBy("heapscope.parser.read.hprof.objects")
            .layer("layout").definedBy("heapscope.parser.read.hprof.layout")
            .layer("index").definedBy("heapscope.parser.read.hprof.index")
            .layer("input").definedBy("heapscope.parser.read.hprof.input")
            .layer("format").definedBy("heapscope.parser.read.hprof.format")
            .whereLayer("reader").mayNotBeAccessedByAnyLayer()
            .whereLayer("pass").mayOnlyBeAccessedByLayers("reader")
            .whereLayer("objects").mayOnlyBeAccessedByLayers("reader")
            .whereLayer("layout").mayOnlyBeAccessedByLayers("reader", "pass")
            .whereLayer("index").mayOnlyBeAccessedByLayers("reader", "pass", "objects", "layout")
            .whereLayer("input").mayOnlyBeAccessedByLayers("reader", "pass", "objects", "layout", "index")
            .whereLayer("format").mayOnlyBeAccessedByLayers("reader", "pass", "objects", "layout", "index", "input");
}
