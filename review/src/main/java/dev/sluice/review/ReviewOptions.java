package dev.sluice.review;

import dev.sluice.review.schema.SchemaCatalog;
import dev.sluice.review.schema.Throughput;
import java.util.Objects;

/**
 * How to review.
 *
 * @param pgVersion the target PostgreSQL major version (version-dependent rules follow it)
 * @param model     how the files will be run
 * @param rules     rule set and overrides
 * @param schema     what is known of the live schema and table sizes; {@link SchemaCatalog#EMPTY} when nothing is
 * @param throughput how fast PostgreSQL gets through a table, for the duration estimates
 */
public record ReviewOptions(int pgVersion, TransactionModel model, RuleConfig rules, SchemaCatalog schema, Throughput throughput) {

    public static final int DEFAULT_PG_VERSION = 14;

    public ReviewOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(throughput, "throughput");
        if (pgVersion < 9 || pgVersion > 99) {
            throw new IllegalArgumentException("unsupported PostgreSQL version " + pgVersion);
        }
    }

    public ReviewOptions(int pgVersion, TransactionModel model, RuleConfig rules, SchemaCatalog schema) {
        this(pgVersion, model, rules, schema, Throughput.MEASURED);
    }

    public static ReviewOptions defaults() {
        return new ReviewOptions(DEFAULT_PG_VERSION, TransactionModel.SLUICE, RuleConfig.of(RuleSet.DEFAULT), SchemaCatalog.EMPTY);
    }

    public ReviewOptions withPgVersion(int version) {
        return new ReviewOptions(version, model, rules, schema, throughput);
    }

    public ReviewOptions withModel(TransactionModel newModel) {
        return new ReviewOptions(pgVersion, newModel, rules, schema, throughput);
    }

    public ReviewOptions withRules(RuleConfig newRules) {
        return new ReviewOptions(pgVersion, model, newRules, schema, throughput);
    }

    public ReviewOptions withSchema(SchemaCatalog newSchema) {
        return new ReviewOptions(pgVersion, model, rules, newSchema, throughput);
    }
}
