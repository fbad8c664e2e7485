package dev.sluice.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The module graph is app → webhooks → rollout → review. Maven already refuses the wrong
 * dependencies between modules; these rules hold the packages to the same shape, and keep
 * framework and GitHub types where they belong.
 */
class ArchitectureTest {

    static final JavaClasses SLUICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sluice");

    static final ArchRule REVIEW_IS_PLAIN_JAVA = classes().that().resideInAPackage("dev.sluice.review..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.sluice.review..", "java..", "net.sf.jsqlparser..")
            .allowEmptyShould(true)
            .because("review is plain Java and JSqlParser, usable without the controller");

    static final ArchRule ROLLOUT_KNOWS_NOTHING_ABOVE_IT = noClasses().that().resideInAPackage("dev.sluice.rollout..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.webhooks..", "dev.sluice.app..", "org.kohsuke..")
            .allowEmptyShould(true)
            .because("rollout reports through listener interfaces it owns and knows nothing of GitHub");

    static final ArchRule WEBHOOKS_DO_NOT_DEPEND_ON_APP = noClasses().that().resideInAPackage("dev.sluice.webhooks..")
            .should().dependOnClassesThat().resideInAPackage("dev.sluice.app..")
            .allowEmptyShould(true);

    static final ArchRule GITHUB_TYPES_STAY_IN_WEBHOOKS = noClasses().that().resideOutsideOfPackage("dev.sluice.webhooks..")
            .should().dependOnClassesThat().resideInAPackage("org.kohsuke..")
            .because("only the webhooks module talks to GitHub");

    static final ArchRule NO_CYCLES = slices().matching("dev.sluice.(*)..").should().beFreeOfCycles();

    @Test
    void reviewIsPlainJava() {
        REVIEW_IS_PLAIN_JAVA.check(SLUICE);
    }

    @Test
    void rolloutKnowsNothingAboveIt() {
        ROLLOUT_KNOWS_NOTHING_ABOVE_IT.check(SLUICE);
    }

    @Test
    void webhooksDoNotDependOnApp() {
        WEBHOOKS_DO_NOT_DEPEND_ON_APP.check(SLUICE);
    }

    @Test
    void gitHubTypesStayInWebhooks() {
        GITHUB_TYPES_STAY_IN_WEBHOOKS.check(SLUICE);
    }

    @Test
    void modulesHaveNoCycles() {
        NO_CYCLES.check(SLUICE);
    }

    @Test
    void theRulesCatchViolations() {
        JavaClasses violators = new ClassFileImporter().importPackages("dev.sluice.review.archviolation",
                "dev.sluice.rollout.archviolation");
        EvaluationResult review = REVIEW_IS_PLAIN_JAVA.evaluate(violators);
        EvaluationResult rollout = ROLLOUT_KNOWS_NOTHING_ABOVE_IT.evaluate(violators);

        assertThat(review.hasViolation()).isTrue();
        assertThat(review.getFailureReport().getDetails()).anyMatch(line -> line.contains("io.micronaut"));
        assertThat(rollout.hasViolation()).isTrue();
        assertThat(rollout.getFailureReport().getDetails()).anyMatch(line -> line.contains("dev.sluice.app"));
    }
}
