package heapscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
