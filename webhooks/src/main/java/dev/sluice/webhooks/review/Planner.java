package dev.sluice.webhooks.review;

import dev.sluice.review.schema.SchemaCatalog;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.config.TargetConfig;
import dev.sluice.rollout.engine.DatabaseGroups;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.JdbcTargets;
import dev.sluice.rollout.engine.MigrationSet;
import dev.sluice.rollout.engine.MigrationState;
import dev.sluice.rollout.engine.MigrationStates;
import dev.sluice.rollout.engine.MigrationStatus;
import dev.sluice.rollout.engine.SchemaHistory;
import dev.sluice.rollout.schema.LiveSchemaCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a pull request per environment against the controller's targets, read-only: which
 * versions each target lacks, and the live schema and sizes of the environment's first reachable
 * database, so the review's findings carry real table sizes. A target that does not answer is
 * reported in the plan, never fatal.
 */
public final class Planner {

    private static final Set<MigrationState> TO_RUN = Set.of(MigrationState.PENDING, MigrationState.FAILED, MigrationState.OUT_OF_ORDER);

    /** The plan rows and, per environment, the live schema for size-aware review. */
    public record Plan(List<EnvironmentPlan> rows, Map<String, SchemaCatalog> schemas) {
        public Plan {
            rows = List.copyOf(rows);
            schemas = Map.copyOf(schemas);
        }
    }

    private final Map<String, TargetConfig> targets;

    public Planner(Map<String, TargetConfig> targets) {
        this.targets = Map.copyOf(targets);
    }

    public Plan plan(ProjectConfig project, MigrationSet files) {
        List<EnvironmentPlan> rows = new ArrayList<>();
        Map<String, SchemaCatalog> schemas = new HashMap<>();
        for (EnvironmentConfig environment : project.environments()) {
            for (String targetName : environment.targets()) {
                TargetConfig target = targets.get(targetName);
                if (target == null) {
                    rows.add(new EnvironmentPlan(environment.name(), targetName, 0, List.of(),
                            Optional.of("no target " + targetName + " in the controller's configuration (sluice.targets)")));
                    continue;
                }
                rows.add(planTarget(environment.name(), target, files, schemas));
            }
        }
        return new Plan(rows, schemas);
    }

    private EnvironmentPlan planTarget(String environment, TargetConfig target, MigrationSet files, Map<String, SchemaCatalog> schemas) {
        try {
            List<String> databases = target.databases().isPresent() ? groupMembers(target) : List.of("");
            if (databases.isEmpty()) {
                return new EnvironmentPlan(environment, target.name(), 0, List.of(), Optional.of("the group has no database"));
            }
            String url = databases.getFirst().isEmpty() ? target.url() : JdbcTargets.withDatabase(target.url(), databases.getFirst());
            DatabaseTarget first = JdbcTargets.of(target.name(), url, target.username().orElse(null), target.password().orElse(null));
            try (Connection connection = first.connections().open("plan")) {
                connection.setReadOnly(true);
                List<MigrationStatus> statuses = MigrationStates.of(files, SchemaHistory.read(connection));
                List<String> pending = statuses.stream().filter(status -> TO_RUN.contains(status.state()))
                        .map(MigrationStatus::script).toList();
                List<String> problems = statuses.stream()
                        .filter(status -> status.state() == MigrationState.CHECKSUM_MISMATCH || status.state() == MigrationState.MISSING_FILE)
                        .map(status -> status.script() + " is " + status.state().label() + " there").toList();
                if (!schemas.containsKey(environment)) { // one catalog per environment, from the first target that answers
                    schemas.put(environment, LiveSchemaCatalog.load(connection));
                }
                return new EnvironmentPlan(environment, target.name(), databases.size(), pending,
                        problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
            }
        } catch (SQLException e) {
            return new EnvironmentPlan(environment, target.name(), 0, List.of(),
                    Optional.of("unreachable: " + JdbcTargets.redact(String.valueOf(e.getMessage()))));
        }
    }

    private static List<String> groupMembers(TargetConfig target) throws SQLException {
        DatabaseTarget server = JdbcTargets.of(target.name(), target.url(), target.username().orElse(null), target.password().orElse(null));
        try (Connection connection = server.connections().open("plan")) {
            return DatabaseGroups.list(connection, target.databases().orElseThrow());
        }
    }
}
