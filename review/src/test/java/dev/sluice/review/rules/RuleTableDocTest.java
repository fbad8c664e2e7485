package dev.sluice.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.review.report.RuleTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/review.md carries the rule table between markers; it must match the catalog. */
class RuleTableDocTest {

    static final String START = "<!-- rule-table:start (generated from RuleCatalog; RuleTableDocTest checks it) -->\n";
    static final String END = "<!-- rule-table:end -->";

    @Test
    void theDocumentedTableMatchesTheCatalog() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "review.md"));
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("docs/review.md has the rule-table markers").isNotNegative();
        assertThat(doc.substring(start + START.length(), end))
                .as("docs/review.md rule table; replace it with the expected text")
                .isEqualTo("\n" + RuleTable.markdown());
    }
}
