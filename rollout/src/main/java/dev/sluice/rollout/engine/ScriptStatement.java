package dev.sluice.rollout.engine;

import dev.sluice.review.model.QualifiedName;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a migration, sent to the server on its own.
 *
 * @param sql                the statement as written
 * @param line               1-based line in the file where it starts
 * @param concurrentIndex    for CREATE INDEX CONCURRENTLY with a name: that index (in the table's schema when
 *                           written so), which a failed earlier attempt may have left INVALID
 */
public record ScriptStatement(String sql, int line, Optional<QualifiedName> concurrentIndex) {

    public ScriptStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(concurrentIndex, "concurrentIndex");
    }
}
