package dev.sluice.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    private static final Path DOCS = Path.of("..", "docs", "rules");

    @Test
    void idsAreUniqueKebabCase() {
        Set<String> seen = new HashSet<>();
        for (Rule rule : RuleCatalog.all()) {
            assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(seen.add(rule.id())).as("duplicate id %s", rule.id()).isTrue();
            assertThat(rule.summary()).isNotBlank();
        }
    }

    @Test
    void includesEveryRuleTheContractNames() {
        List<String> required = List.of(
                "index-not-concurrent", "drop-index-not-concurrent", "maintenance-not-concurrent", "concurrent-in-transaction",
                "add-column-rewrite", "set-not-null-direct", "add-check-without-not-valid", "add-fk-without-not-valid",
                "validate-in-same-transaction", "add-unique-constraint-blocking", "add-primary-key-blocking",
                "add-exclusion-constraint", "alter-column-type-rewrite", "rewrite-table-command",
                "enum-add-value-in-transaction", "refresh-matview-blocking", "drop-table", "drop-column",
                "drop-schema-or-database", "rename-table", "rename-column", "drop-not-null", "truncate", "remove-cascade",
                "add-column-not-null-no-default", "update-without-where", "delete-without-where",
                "backfill-in-ddl-transaction", "transaction-nesting", "uncommitted-transaction",
                "mixed-transactional-statements", "missing-lock-timeout", "prefer-bigint", "prefer-text",
                "prefer-timestamptz", "prefer-identity", "prefer-jsonb", "create-table-without-pk",
                "foreign-key-without-index", "naming-index", "naming-table", "identifier-too-long",
                "require-schema-qualified", "prefer-robust-stmts", "ban-domain-constraint", "syntax-error",
                "unparsed-statement", "unused-ignore", "psql-meta-command");
        assertThat(RuleCatalog.all().stream().map(Rule::id).toList()).containsAll(required);
    }

    @Test
    void everyRuleHasADocumentationPageNamingIt() throws Exception {
        for (Rule rule : RuleCatalog.all()) {
            Path page = DOCS.resolve(rule.id() + ".md");
            assertThat(page).as("documentation page for %s", rule.id()).exists();
            assertThat(Files.readString(page)).startsWith("# " + rule.id());
        }
    }

    @Test
    void everyRuleHasAViolatingAndACleanFixture() {
        for (Rule rule : RuleCatalog.all()) {
            assertThat(Fixture.load(rule.id(), "violating.sql")).as("violating fixture of %s", rule.id()).isNotNull();
            assertThat(Fixture.load(rule.id(), "clean.sql")).as("clean fixture of %s", rule.id()).isNotNull();
        }
    }

    @Test
    void aliasesResolveToTheirRule() {
        assertThat(RuleCatalog.resolve("require-concurrent-index")).map(Rule::id).contains("index-not-concurrent");
        assertThat(RuleCatalog.resolve("index-not-concurrent")).map(Rule::id).contains("index-not-concurrent");
        assertThat(RuleCatalog.resolve("no-such-rule")).isEmpty();
    }
}
