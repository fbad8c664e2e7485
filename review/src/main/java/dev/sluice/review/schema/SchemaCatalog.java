package dev.sluice.review.schema;

import dev.sluice.review.model.QualifiedName;
import java.util.Map;
import java.util.Optional;

/**
 * What the review knows of a live database before the migrations run: its tables with their
 * columns, constraints, indexes and size. Read from a target by the caller (the review itself
 * never connects to anything).
 */
public interface SchemaCatalog {

    SchemaCatalog EMPTY = name -> Optional.empty();

    Optional<TableInfo> table(QualifiedName name);

    static SchemaCatalog of(Map<String, TableInfo> tablesByKey) {
        Map<String, TableInfo> copy = Map.copyOf(tablesByKey);
        return name -> Optional.ofNullable(copy.get(name.key()));
    }
}
