package dev.sluice.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.review.model.TypeName;
import dev.sluice.review.schema.SchemaCatalog;
import dev.sluice.review.schema.TableInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SizeAwarenessTest {

    private static TableInfo table(String name, long rows, long bytes, Map<String, TableInfo.ColumnInfo> columns) {
        return new TableInfo(name, rows, bytes, columns, Set.of(), Set.of());
    }

    private static final SchemaCatalog CATALOG = SchemaCatalog.of(Map.of(
            "orders", table("orders", 12_000_000, 2_100_000_000L, Map.of(
                    "note", new TableInfo.ColumnInfo(new TypeName("varchar", List.of("20"), false), false))),
            "countries", table("countries", 250, 40_000, Map.of()),
            "events", table("events", 900_000, 150_000_000L, Map.of())));

    private static Finding only(String sql) {
        ReviewReport report = new Reviewer(ReviewOptions.defaults().withSchema(CATALOG))
                .review(List.of(new MigrationFile("V1__x.sql", sql)));
        assertThat(report.findings()).hasSize(1);
        return report.findings().getFirst();
    }

    @Test
    void aLargeTableGetsItsSizeAndDurationAndARaisedSeverity() {
        Finding finding = only("ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);");
        assertThat(finding.rule()).isEqualTo("add-check-without-not-valid");
        assertThat(finding.message()).endsWith("Live statistics: orders has ~12M rows, 2.1 GB; the validating scan takes about 1 s.");
        assertThat(finding.severity()).as("2.1 GB raises a warning to an error").isEqualTo(Severity.ERROR);
    }

    @Test
    void indexBuildEstimateFollowsTheMeasuredThroughput() {
        Finding finding = only("CREATE INDEX events_at_idx ON events (at);");
        assertThat(finding.message()).endsWith("Live statistics: events has ~900k rows, 150 MB; the index build takes under a second.");
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        Finding rewrite = only("ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
        assertThat(rewrite.message()).endsWith("the rewrite takes about 32 s.");
    }

    @Test
    void aTinyTableLowersTheSeverity() {
        Finding finding = only("CREATE INDEX countries_name_idx ON countries (name);");
        assertThat(finding.message()).contains("countries has ~250 rows, 40 kB");
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void theLiveTypeTellsABinaryCoercibleChangeFromARewrite() {
        ReviewReport widening = new Reviewer(ReviewOptions.defaults().withSchema(CATALOG))
                .review(List.of(new MigrationFile("V1__x.sql", "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);")));
        assertThat(widening.findings()).isEmpty();
        Finding narrowing = only("ALTER TABLE orders ALTER COLUMN note TYPE varchar(10);");
        assertThat(narrowing.rule()).isEqualTo("alter-column-type-rewrite");
        assertThat(narrowing.message()).contains("from varchar(20) to varchar(10)");
    }

    @Test
    void wordsForSizesAndDurations() {
        assertThat(SizeImpact.rows(1)).isEqualTo("~1 row");
        assertThat(SizeImpact.rows(12_345)).isEqualTo("~12k rows");
        assertThat(SizeImpact.rows(3_000_000)).isEqualTo("~3M rows");
        assertThat(SizeImpact.bytes(512)).isEqualTo("1 kB");
        assertThat(SizeImpact.duration(600)).isEqualTo("about 10 min");
        assertThat(SizeImpact.duration(7200)).isEqualTo("about 2 h");
    }
}
