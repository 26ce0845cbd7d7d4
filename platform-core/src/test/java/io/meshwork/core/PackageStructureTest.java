package io.meshwork.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.meshwork.core.port.DeadLetterHandlers;
import io.meshwork.core.port.DeadLetterReason;
import io.meshwork.core.port.MeshworkHeaders;
import io.meshwork.core.port.RecordCounter;
import io.meshwork.core.port.RecordPath;
import org.junit.jupiter.api.Test;

/** The shape of platform-core's packages, which every product jar carries. */
class PackageStructureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.meshwork.core");

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("io.meshwork.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void noGovernanceScaffoldingOrTestSupportShipsInProducts() {
        noClasses().should().resideInAnyPackage("..governance..", "..scaffold..", "..testing..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.meshwork.governance..", "io.meshwork.test..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.streams.TopologyTestDriver")
                .check(CORE);
    }

    @Test
    void theRecordPathShowsOnlyItsEntryPointHeadersReasonsCounterAndHandlers() {
        noClasses().that().resideInAPackage("io.meshwork.core.port").and().areTopLevelClasses()
                .and().doNotBelongToAnyOf(RecordPath.class, RecordCounter.class, DeadLetterReason.class,
                        MeshworkHeaders.class, DeadLetterHandlers.class)
                .should().bePublic()
                .check(CORE);
    }

    @Test
    void metricsKnowNothingOfTheRecordPath() {
        noClasses().that().resideInAPackage("io.meshwork.core.metrics..")
                .should().dependOnClassesThat().resideInAPackage("io.meshwork.core.port..")
                .check(CORE);
    }
}
