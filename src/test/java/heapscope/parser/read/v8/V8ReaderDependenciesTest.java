package heapscope.parser.read.v8;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The reader is engine code: it must run without JavaFX and know nothing of the app built on it. */
class V8ReaderDependenciesTest {
    @Test
    void theReaderUsesNeitherJavaFxNorTheApp() {
        JavaClasses reader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("heapscope.parser.read.v8");

        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "heapscope.app..")
                .check(reader);
    }
}
