package dev.sluice.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.review.Finding;
import dev.sluice.review.ReviewReport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule reports exactly the marked lines of its violating fixture and nothing in its clean one. */
class RuleFixturesTest {

    static Stream<String> ruleIds() {
        return RuleCatalog.all().stream().map(Rule::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void reportsExactlyTheMarkedLinesOfItsViolatingFixture(String ruleId) {
        Fixture fixture = Fixture.load(ruleId, "violating.sql");
        assertThat(fixture).as("fixture rules/%s/violating.sql", ruleId).isNotNull();
        assertThat(fixture.expectedLines()).as("%s marks at least one line with -- expect", fixture).isNotEmpty();

        ReviewReport report = fixture.review();

        assertThat(fixture.reportedLines(report)).as("lines %s reports in %s; all findings:%n%s", ruleId, fixture, describe(report))
                .isEqualTo(fixture.expectedLines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void staysQuietOnItsCleanFixture(String ruleId) {
        Fixture fixture = Fixture.load(ruleId, "clean.sql");
        assertThat(fixture).as("fixture rules/%s/clean.sql", ruleId).isNotNull();

        ReviewReport report = fixture.review();

        assertThat(fixture.reportedLines(report)).as("%s must not report in %s; all findings:%n%s", ruleId, fixture, describe(report))
                .isEmpty();
    }

    static String describe(ReviewReport report) {
        return report.findings().stream()
                .map(Finding::toString)
                .collect(Collectors.joining("\n"));
    }
}
