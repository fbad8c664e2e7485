package dev.sluice.review.schema;

import dev.sluice.review.model.TypeName;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A live table as the catalog describes it.
 *
 * @param key               schema-qualified name as {@link dev.sluice.review.model.QualifiedName#key()} gives it
 * @param estimatedRows     the planner's estimate ({@code pg_class.reltuples}), 0 when never analysed
 * @param totalBytes        heap, indexes and TOAST ({@code pg_total_relation_size})
 * @param columns           column name to its type and nullability
 * @param notNullChecks     columns a validated CHECK (col IS NOT NULL) already proves
 * @param indexedColumnSets leading columns of each valid index, for foreign-key checks
 */
public record TableInfo(String key, long estimatedRows, long totalBytes, Map<String, ColumnInfo> columns,
        Set<String> notNullChecks, Set<String> indexedColumnSets) {

    public record ColumnInfo(TypeName type, boolean notNull) {
        public ColumnInfo {
            Objects.requireNonNull(type, "type");
        }
    }

    public TableInfo {
        Objects.requireNonNull(key, "key");
        columns = Map.copyOf(columns);
        notNullChecks = Set.copyOf(notNullChecks);
        indexedColumnSets = Set.copyOf(indexedColumnSets);
    }
}
