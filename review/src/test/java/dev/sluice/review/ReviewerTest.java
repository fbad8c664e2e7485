package dev.sluice.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewerTest {

    private static ReviewReport review(ReviewOptions options, String... files) {
        List<MigrationFile> migrations = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            migrations.add(new MigrationFile("V" + (i + 1) + "__step.sql", files[i]));
        }
        return new Reviewer(options).review(migrations);
    }

    @Test
    void expandAndContractDoneRightRaisesNoWarning() {
        ReviewReport report = review(ReviewOptions.defaults().withPgVersion(14),
                // expand: a nullable column with a constant default, a foreign key and a check added NOT VALID
                """
                SET lock_timeout = '5s';
                ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
                ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
                ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
                ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
                """,
                // validate in the next file, index built concurrently in a file of its own
                """
                ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
                """,
                """
                CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);
                """,
                // on PostgreSQL 12+ the validated check proves NOT NULL without a scan
                """
                ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
                ALTER TABLE orders DROP CONSTRAINT orders_status_not_null;
                """,
                // a new table may be indexed and constrained freely
                """
                CREATE TABLE shipments (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    order_id bigint NOT NULL REFERENCES orders (id),
                    sent_at timestamptz NOT NULL DEFAULT now(),
                    payload jsonb NOT NULL DEFAULT '{}'
                );
                CREATE INDEX shipments_order_id_idx ON shipments (order_id);
                ALTER TABLE shipments ADD CONSTRAINT shipments_sent_at_check CHECK (sent_at > '2020-01-01');
                """);

        assertThat(report.findings()).filteredOn(finding -> finding.severity() != Severity.INFO).isEmpty();
        assertThat(report.files()).extracting(FileReview::transactional).containsExactly(true, true, false, true, true);
    }

    @Test
    void findingsPointAtTheSubCommandAndNameTheObjectAndLock() {
        ReviewReport report = review(ReviewOptions.defaults(), "SELECT 1;\nALTER TABLE accounts\n  ADD COLUMN token uuid DEFAULT gen_random_uuid();");

        Finding finding = report.findings().stream().filter(f -> f.rule().equals("add-column-rewrite")).findFirst().orElseThrow();
        assertThat(finding.line()).isEqualTo(3);
        assertThat(finding.column()).isEqualTo(3);
        assertThat(finding.endLine()).isEqualTo(3);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("accounts.token").contains("ACCESS EXCLUSIVE").contains("rewrites");
        assertThat(finding.hint()).contains("SET DEFAULT gen_random_uuid()");
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void ignoreDirectivesSuppressTheNextStatementOnlyAndUnusedOnesAreReported() {
        ReviewReport report = review(ReviewOptions.defaults(), """
                -- sluice:ignore drop-table
                DROP TABLE legacy_a;
                DROP TABLE legacy_b;
                -- sluice:ignore truncate, no-such-rule
                DROP TABLE legacy_c;
                """);

        assertThat(report.findings()).extracting(Finding::rule, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("drop-table", 3),
                org.assertj.core.groups.Tuple.tuple("unused-ignore", 4),
                org.assertj.core.groups.Tuple.tuple("drop-table", 5));
        assertThat(report.findings().get(1).message()).contains("no-such-rule (no such rule)").contains("truncate (nothing to ignore here)");
    }

    @Test
    void ignoreDirectivesAcceptOtherToolsNamesForARule() {
        ReviewReport report = review(ReviewOptions.defaults(), "-- sluice:ignore ban-drop-table\nDROP TABLE legacy;");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void setLocalLockTimeoutLastsOnlyUntilItsTransactionEnds() {
        ReviewReport report = review(ReviewOptions.defaults().withModel(TransactionModel.PSQL), """
                BEGIN;
                SET LOCAL lock_timeout = '5s';
                ALTER TABLE orders ADD COLUMN note text;
                COMMIT;
                ALTER TABLE users ADD COLUMN note text;
                SET lock_timeout TO DEFAULT;
                """);
        assertThat(report.findings()).filteredOn(finding -> finding.rule().equals("missing-lock-timeout"))
                .extracting(Finding::line).containsExactly(5);
    }

    @Test
    void ignoreFileCoversEveryStatement() {
        ReviewReport report = review(ReviewOptions.defaults(), "-- sluice:ignore-file drop-table\nDROP TABLE a;\nDROP TABLE b;");
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void overridesChangeSeverityOrTurnRulesOff() {
        RuleConfig config = new RuleConfig(RuleSet.DEFAULT, Map.of("drop-table", RuleLevel.WARNING, "truncate", RuleLevel.OFF));
        ReviewReport report = review(ReviewOptions.defaults().withRules(config), "DROP TABLE a;\nTRUNCATE b;");

        assertThat(report.findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("drop-table", Severity.WARNING));
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void objectsCreatedInAnEarlierFileAreStillNew() {
        ReviewReport report = review(ReviewOptions.defaults(), "CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz);",
                "CREATE INDEX events_at_idx ON events (at);");
        assertThat(report.findings()).noneMatch(finding -> finding.rule().equals("index-not-concurrent"));
    }

    @Test
    void aMissingSemicolonIsASyntaxErrorAtTheLineThatShouldStartAStatement() {
        ReviewReport report = review(ReviewOptions.defaults(), """
                ALTER TABLE orders ADD COLUMN note varchar(20)
                CREATE INDEX orders_note_idx ON orders (note);
                """);
        assertThat(report.findings()).extracting(Finding::rule, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("syntax-error", 2));
        assertThat(report.findings().getFirst().hint()).contains("semicolon (line 1)");
    }

    @Test
    void neverThrowsOnGarbage() {
        ReviewReport report = review(ReviewOptions.defaults(), "CREATE TABLE (((; ALTER TABLE ; DROP ; $$ unterminated");
        assertThat(report.findings()).extracting(Finding::rule).contains("syntax-error");
    }
}
