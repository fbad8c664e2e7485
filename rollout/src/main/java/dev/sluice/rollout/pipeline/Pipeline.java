package dev.sluice.rollout.pipeline;

import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.config.ApprovalPolicy;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.config.TargetConfig;
import dev.sluice.rollout.controller.AuditEntry;
import dev.sluice.rollout.controller.AuditLog;
import dev.sluice.rollout.controller.ControllerStateException;
import dev.sluice.rollout.controller.Outbox;
import dev.sluice.rollout.controller.OutboxKind;
import dev.sluice.rollout.controller.Transactions;
import dev.sluice.rollout.drift.ControllerSnapshots;
import dev.sluice.rollout.drift.Difference;
import dev.sluice.rollout.drift.DriftChecker;
import dev.sluice.rollout.drift.DriftStates;
import dev.sluice.rollout.engine.DatabaseGroups;
import dev.sluice.rollout.engine.DatabaseOutcome;
import dev.sluice.rollout.engine.DatabaseTarget;
import dev.sluice.rollout.engine.FleetRunner;
import dev.sluice.rollout.engine.JdbcTargets;
import dev.sluice.rollout.engine.MigrationResolver;
import dev.sluice.rollout.engine.MigrationRunner;
import dev.sluice.rollout.engine.MigrationSet;
import dev.sluice.rollout.engine.MigrationSource;
import dev.sluice.rollout.engine.RolloutListener;
import dev.sluice.rollout.engine.RunSettings;
import dev.sluice.rollout.migration.MigrationFileName;
import dev.sluice.rollout.migration.MigrationVersion;
import dev.sluice.rollout.release.Release;
import dev.sluice.rollout.release.Releases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.sluice.rollout.engine.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves releases through their environments. Every bit of state is in the controller's database,
 * so any controller (a restarted one, or one of several replicas) carries on where another stopped:
 *
 * <ul>
 *   <li>Gates: a waiting deployment opens when the previous environment succeeded, no earlier
 *       release is ahead of it in this environment, the environment is not paused or held, its
 *       approvals are given, the soak time has passed and the window is open ({@link Gates}).</li>
 *   <li>Runs: a controller takes a ready (or orphaned running) deployment by a session advisory
 *       lock on the controller database, held on its own connection for the whole run. The lock
 *       dies with the controller, so a crashed run is taken over at once, and two controllers never
 *       run one deployment together.</li>
 *   <li>Each database's row is marked running before it is touched and finished after; on a
 *       takeover the migration engine reads the database's own history, so what committed is never
 *       applied twice and what did not is applied once.</li>
 * </ul>
 *
 * Every change is written with its audit line and the reports it owes GitHub in one transaction.
 */
public final class Pipeline {

    /** The first key of the advisory locks that claim deployments (the second is the deployment id). */
    static final int LOCK_SPACE = 0x736c6470; // "sldp"

    private final Transactions transactions;
    private final Map<String, TargetConfig> targets;
    private final Clock clock;
    private final MigrationRunner runner;
    private final RunSettings baseSettings;
    private final DriftChecker drift;
    private final PipelineListener listener;
    private final BooleanSupplier stopping;

    public Pipeline(Transactions transactions, Map<String, TargetConfig> targets, Clock clock) {
        this(transactions, targets, clock, RunSettings.defaults("sluice"));
    }

    public Pipeline(Transactions transactions, Map<String, TargetConfig> targets, Clock clock, RunSettings baseSettings) {
        this(transactions, targets, clock, baseSettings, PipelineListener.NONE, () -> false);
    }

    /**
     * @param listener told about runs, databases and steps (metrics, log context)
     * @param stopping true once the controller is shutting down: no deployment or database is
     *                 started after that; the one running finishes its database, and the deployment
     *                 stays running (its lock released) for the next controller to carry on
     */
    public Pipeline(Transactions transactions, Map<String, TargetConfig> targets, Clock clock, RunSettings baseSettings,
            PipelineListener listener, BooleanSupplier stopping) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
        this.transactions = transactions;
        this.targets = Map.copyOf(targets);
        this.clock = clock;
        this.runner = new MigrationRunner(clock);
        this.baseSettings = baseSettings;
        this.drift = new DriftChecker(new ControllerSnapshots(transactions), new DriftStates(transactions), targets, clock);
    }

    /** One pass: opens the gates that can open, then runs every deployment that is ready (or was orphaned by a crash). */
    public int advance() {
        int ran = 0;
        boolean progress = true;
        while (progress && !stopping.getAsBoolean()) { // a finished environment may open the next one: go round until nothing moves
            progress = false;
            openGates();
            for (long id : runnable()) {
                if (stopping.getAsBoolean()) {
                    break;
                }
                if (tryRun(id)) {
                    ran++;
                    progress = true;
                }
            }
        }
        return ran;
    }

    // ---------------------------------------------------------------- gates

    /** Decides every waiting deploy; opens those whose gate holds and records why the others wait. */
    public void openGates() {
        List<Deployment> waiting = transactions.inTransaction(connection -> Deployments.query(connection, "SELECT "
                + prefixed("d") + " FROM sluice.deployment d WHERE d.state = 'waiting' ORDER BY d.release_id, d.position"));
        Map<Long, Release> releases = new HashMap<>();
        for (Deployment deployment : waiting) {
            Release release = releases.computeIfAbsent(deployment.releaseId(), id -> transactions.inTransaction(connection ->
                    Releases.byId(connection, id).orElseThrow()));
            transactions.inTransaction(connection -> {
                decide(connection, release, deployment);
                return null;
            });
        }
    }

    private void decide(Connection connection, Release release, Deployment deployment) throws SQLException {
        ProjectConfig policy = release.policy();
        Optional<EnvironmentConfig> environment = policy.environment(deployment.environment());
        if (environment.isEmpty()) {
            finish(connection, release, deployment, DeploymentState.FAILED, "the environment is not in the release's sluice.yaml");
            return;
        }
        GateDecision decision = Gates.decide(environment.get(), facts(connection, release, deployment, policy), clock.instant());
        switch (decision) {
            case GateDecision.Open ignored -> {
                if (update(connection, "UPDATE sluice.deployment SET state = 'ready', reason = '' WHERE id = ? AND state = 'waiting'",
                        deployment.id()) == 1) {
                    refresh(connection, release, deployment.environment());
                }
            }
            case GateDecision.Closed closed -> {
                if (!closed.reason().equals(deployment.reason())) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE sluice.deployment SET reason = ? WHERE id = ? AND state = 'waiting'")) {
                        update.setString(1, closed.reason());
                        update.setLong(2, deployment.id());
                        update.executeUpdate();
                    }
                    refresh(connection, release, deployment.environment());
                }
            }
        }
    }

    private GateFacts facts(Connection connection, Release release, Deployment deployment, ProjectConfig policy) throws SQLException {
        Optional<String> previousEnvironment = deployment.position() == 0 ? Optional.empty()
                : Optional.of(policy.environments().get(deployment.position() - 1).name());
        Optional<Deployment> previous = previousEnvironment.isEmpty() ? Optional.empty()
                : Deployments.deployOf(connection, release.id(), previousEnvironment.get());
        Optional<java.time.Instant> previousSucceededAt = previous.filter(d -> d.state() == DeploymentState.SUCCEEDED)
                .flatMap(Deployment::finishedAt);
        boolean previousFailed = previous.map(d -> d.state() == DeploymentState.FAILED).orElse(false);
        List<Approval> approvals = release.pullRequest().isEmpty() ? List.of()
                : Approvals.standing(connection, release.repository(), release.pullRequest().get(), deployment.environment()).stream()
                        .filter(approval -> approval.digest().equals(release.digest())).toList();
        return new GateFacts(previousEnvironment, previousSucceededAt, previousFailed, ahead(connection, release, deployment),
                Holds.pausedBy(connection, release.repository(), deployment.environment()),
                release.pullRequest().isEmpty() ? Optional.empty() : Holds.heldBy(connection, release.repository(), release.pullRequest().get()),
                approvals, release.author(), release.pullRequest().isPresent());
    }

    /** An earlier release not yet through this environment, or a rollback running in it: it goes first. */
    private static Optional<String> ahead(Connection connection, Release release, Deployment deployment) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT r.version, d.kind, d.state,
                       (SELECT f.environment FROM sluice.deployment f WHERE f.release_id = r.id AND f.state = 'failed'
                        ORDER BY f.position LIMIT 1) AS failed_in
                FROM sluice.deployment d JOIN sluice.release r ON r.id = d.release_id
                WHERE r.repository = ? AND d.environment = ? AND d.id <> ?
                  AND ((d.kind = 'deploy' AND r.id < ? AND d.state <> 'succeeded')
                    OR (d.kind = 'rollback' AND d.state IN ('ready', 'running')))
                ORDER BY r.id LIMIT 1""")) {
            query.setString(1, release.repository());
            query.setString(2, deployment.environment());
            query.setLong(3, deployment.id());
            query.setLong(4, release.id());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String version = row.getString(1);
                if (row.getString(2).equals("rollback")) {
                    return Optional.of("waits for the rollback of release " + version + " in " + deployment.environment());
                }
                String failedIn = row.getString(4);
                return Optional.of(failedIn != null
                        ? "blocked: release " + version + " failed in " + failedIn + " (retry it or roll it back first)"
                        : "queued behind release " + version + " (" + row.getString(3) + " in " + deployment.environment() + ")");
            }
        }
    }

    // ---------------------------------------------------------------- runs

    private List<Long> runnable() {
        return transactions.inTransaction(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM sluice.deployment WHERE state IN ('ready', 'running') ORDER BY id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Runs the deployment if no other controller is running it; false when another one holds it. */
    boolean tryRun(long deploymentId) {
        try (Connection lock = transactions.dataSource().getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock", deploymentId)) {
                return false;
            }
            try {
                run(deploymentId);
                return true;
            } finally {
                advisory(lock, "pg_advisory_unlock", deploymentId);
            }
        } catch (SQLException e) {
            throw new ControllerStateException(e);
        }
    }

    private static boolean advisory(Connection connection, String function, long deploymentId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, (int) deploymentId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private void run(long deploymentId) {
        // Read again under the lock: another controller may have finished it since it was listed.
        Deployment deployment = transactions.inTransaction(connection -> Deployments.byId(connection, deploymentId)).orElseThrow();
        if (deployment.state() != DeploymentState.READY && deployment.state() != DeploymentState.RUNNING) {
            return;
        }
        Release release = transactions.inTransaction(connection -> Releases.byId(connection, deployment.releaseId())).orElseThrow();
        PipelineListener.Run run = new PipelineListener.Run(deploymentId, release.repository(), release.version(),
                deployment.environment(), deployment.kind());
        listener.deploymentStarted(run);
        try {
            run(deployment, release, run);
        } finally {
            listener.deploymentEnded(run);
        }
    }

    private void run(Deployment deployment, Release release, PipelineListener.Run run) {
        long deploymentId = deployment.id();
        EnvironmentConfig environment = release.policy().environment(deployment.environment()).orElseThrow();
        if (deployment.state() == DeploymentState.READY) {
            transactions.inTransaction(connection -> {
                update(connection, "UPDATE sluice.deployment SET state = 'running', reason = '', finished_at = NULL,"
                        + " started_at = coalesce(started_at, now()) WHERE id = ?", deploymentId);
                AuditLog.append(connection, audit(deployment, release, deployment.kind() == DeploymentKind.DEPLOY ? "deploy-started"
                        : "rollback-started", actorOf(deployment), deployment.toVersion().map(to -> "to version " + to).orElse("")));
                refresh(connection, release, deployment.environment());
                return null;
            });
        }
        MigrationSet files;
        List<TargetRun> rows;
        try {
            files = migrationSet(release);
            rows = ensureTargets(deployment, environment);
        } catch (RolloutException | SQLException e) {
            String message = e instanceof SQLException ? "could not list the databases: " + JdbcTargets.redact(String.valueOf(e.getMessage()))
                    : e.getMessage();
            transactions.inTransaction(connection -> {
                finish(connection, release, deployment, DeploymentState.FAILED, message);
                return null;
            });
            return;
        }
        RunSettings settings = baseSettings.withAllowOutOfOrder(release.policy().allowOutOfOrder())
                .forRelease(release.version(), deployment.environment(), actorOf(deployment));
        for (String targetName : environment.targets()) {
            if (stopping.getAsBoolean()) {
                return; // left running, for the next controller to carry on
            }
            TargetConfig target = targets.get(targetName);
            List<TargetRun> members = rows.stream().filter(row -> row.target().equals(targetName)).toList();
            Map<String, TargetRun> byName = new HashMap<>();
            List<DatabaseTarget> databases = new ArrayList<>();
            for (TargetRun row : members) {
                DatabaseTarget database = databaseOf(target, row);
                byName.put(database.name(), row);
                databases.add(database);
            }
            FleetRunner.run(databases, target.fleet(), database -> runOne(run, release, deployment, environment,
                    byName.get(database.name()), database, files, settings), RolloutListener.NONE);
            List<TargetRun> after = transactions.inTransaction(connection -> Deployments.targets(connection, deploymentId)).stream()
                    .filter(row -> row.target().equals(targetName)).toList();
            List<TargetRun> failed = after.stream().filter(row -> row.state() == TargetRunState.FAILED).toList();
            if (!failed.isEmpty()) {
                String reason = failed.size() + " of " + after.size() + " database" + (after.size() == 1 ? "" : "s") + " of " + targetName
                        + " failed: " + failed.getFirst().label() + ": " + failed.getFirst().detail();
                transactions.inTransaction(connection -> {
                    finish(connection, release, deployment, DeploymentState.FAILED, reason);
                    return null;
                });
                return;
            }
            Optional<TargetRun> stopped = after.stream().filter(row -> row.state() != TargetRunState.SUCCEEDED).findFirst();
            if (stopped.isPresent() && stopping.getAsBoolean()) {
                return; // the controller is stopping: left running, for the next controller to carry on
            }
            if (stopped.isPresent()) {
                transactions.inTransaction(connection -> {
                    update(connection, "UPDATE sluice.deployment SET state = 'waiting' WHERE id = ? AND state = 'running'", deploymentId);
                    try (PreparedStatement reason = connection.prepareStatement("UPDATE sluice.deployment SET reason = ? WHERE id = ?")) {
                        reason.setString(1, "stopped before " + stopped.get().label() + ": " + stopped.get().detail());
                        reason.setLong(2, deploymentId);
                        reason.executeUpdate();
                    }
                    AuditLog.append(connection, audit(deployment, release, "deploy-stopped", "sluice", stopped.get().detail()));
                    refresh(connection, release, deployment.environment());
                    return null;
                });
                return;
            }
        }
        transactions.inTransaction(connection -> {
            finish(connection, release, deployment, DeploymentState.SUCCEEDED, "");
            return null;
        });
    }

    private DatabaseOutcome runOne(PipelineListener.Run run, Release release, Deployment deployment, EnvironmentConfig environment, TargetRun row,
            DatabaseTarget database, MigrationSet files, RunSettings settings) {
        switch (row.state()) {
            case SUCCEEDED -> {
                return new DatabaseOutcome.UpToDate(database.name());
            }
            case FAILED -> {
                // Failed before and not picked for this retry: it stays failed, untouched.
                return new DatabaseOutcome.NotAttempted(database.name(), row.detail());
            }
            case PENDING, RUNNING -> {
            }
        }
        if (stopping.getAsBoolean()) {
            return new DatabaseOutcome.NotAttempted(database.name(), "the controller is stopping"); // the row stays as it is
        }
        Optional<String> brake = transactions.inTransaction(connection -> {
            Optional<String> paused = Holds.pausedBy(connection, release.repository(), deployment.environment());
            if (paused.isPresent()) {
                return Optional.of("paused by @" + paused.get());
            }
            return release.pullRequest().isEmpty() || deployment.kind() == DeploymentKind.ROLLBACK ? Optional.<String>empty()
                    : Holds.heldBy(connection, release.repository(), release.pullRequest().get()).map(by -> "held by @" + by);
        });
        if (brake.isPresent()) {
            markTarget(deployment, row, TargetRunState.PENDING, "", brake.get(), false);
            return new DatabaseOutcome.NotAttempted(database.name(), brake.get());
        }
        transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE sluice.deployment_target SET state = 'running', attempts = attempts + 1, started_at = now(), finished_at = NULL
                    WHERE deployment_id = ? AND target = ? AND database = ?""")) {
                update.setLong(1, deployment.id());
                update.setString(2, row.target());
                update.setString(3, row.database());
                update.executeUpdate();
            }
            return null;
        });
        // Only before a database's first attempt: after a crash or a failure, what differs may be this
        // release's own work (committed before the controller died, or left by a failed attempt).
        long started = System.nanoTime();
        listener.databaseStarted(run, row.label());
        Optional<String> drifted = deployment.kind() == DeploymentKind.DEPLOY && !environment.allowDrift() && row.attempts() == 0
                ? driftBefore(row, environment) : Optional.empty();
        if (drifted.isPresent()) {
            markTarget(deployment, row, TargetRunState.FAILED, "", drifted.get(), true);
            listener.databaseFinished(run, row.label(), false, drifted.get(), Duration.ofNanos(System.nanoTime() - started));
            return new DatabaseOutcome.Invalid(database.name(), List.of(drifted.get()), dev.sluice.rollout.ErrorCode.SCHEMA_DRIFT);
        }
        RolloutListener steps = new RolloutListener() {
            @Override
            public void stepFinished(String name, Step step) {
                listener.stepFinished(run, row.label(), step);
            }
        };
        DatabaseOutcome outcome = switch (deployment.kind()) {
            case DEPLOY -> runner.migrate(database, files, settings, steps);
            case ROLLBACK -> runner.rollback(database, files, MigrationVersion.parse(deployment.toVersion().orElse("0")), settings,
                    steps);
        };
        TargetRunState state = FleetRunner.isFailure(outcome) ? TargetRunState.FAILED
                : outcome instanceof DatabaseOutcome.NotAttempted ? TargetRunState.PENDING : TargetRunState.SUCCEEDED;
        String detail = OutcomeText.of(outcome);
        if (state == TargetRunState.SUCCEEDED) {
            detail += recordSchema(release, deployment, row, outcome instanceof DatabaseOutcome.Migrated);
        }
        markTarget(deployment, row, state, versions(outcome), detail, true);
        if (state != TargetRunState.PENDING) {
            listener.databaseFinished(run, row.label(), state == TargetRunState.SUCCEEDED, detail,
                    Duration.ofNanos(System.nanoTime() - started));
        }
        return outcome;
    }

    /** The drift of a database from the schema recorded after Sluice last changed it, as the reason to stop; empty when none. */
    private Optional<String> driftBefore(TargetRun row, EnvironmentConfig environment) {
        if (!(drift.check(row.target(), row.database()) instanceof DriftChecker.Outcome.Checked checked) || !checked.drift().drifted()) {
            return Optional.empty(); // nothing recorded yet, or unreachable: the migration run reports that itself
        }
        List<Difference> differences = checked.drift().differences();
        return Optional.of("schema drift: " + differences.size() + " difference" + (differences.size() == 1 ? "" : "s")
                + " from the schema recorded after " + checked.recorded().release().map(version -> "release " + version)
                        .orElse(checked.recorded().reason()) + ": "
                + String.join("; ", differences.stream().limit(5).map(Difference::words).toList())
                + (differences.size() > 5 ? "; and " + (differences.size() - 5) + " more" : "")
                + ". Put it right, or accept the live schema with `/sluice baseline " + environment.name() + " " + row.label()
                + "`, or allow drift in " + environment.name() + " (drift: allow).");
    }

    /**
     * Records the schema the database has now as the expected one: after Sluice changed it, or the
     * first time Sluice finds it up to date with nothing recorded. A failure to record does not
     * undo a successful migration; it is said in the row's detail.
     */
    private String recordSchema(Release release, Deployment deployment, TargetRun row, boolean changed) {
        try {
            // An up-to-date database needs no second catalog read: only whether anything is recorded yet.
            if (changed || !drift.recorded(row.target(), row.database())) {
                drift.record(row.target(), row.database(), Optional.of(release.repository()), Optional.of(release.version()),
                        actorOf(deployment), "apply");
            }
            return "";
        } catch (SQLException | RuntimeException e) {
            return " (the schema could not be recorded for drift checks: " + JdbcTargets.redact(String.valueOf(e.getMessage())) + ")";
        }
    }

    private void markTarget(Deployment deployment, TargetRun row, TargetRunState state, String versions, String detail, boolean finished) {
        transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE sluice.deployment_target SET state = ?, versions = ?, detail = ?,
                           finished_at = CASE WHEN ? THEN now() ELSE finished_at END
                    WHERE deployment_id = ? AND target = ? AND database = ?""")) {
                update.setString(1, state.word());
                update.setString(2, versions);
                update.setString(3, detail);
                update.setBoolean(4, finished);
                update.setLong(5, deployment.id());
                update.setString(6, row.target());
                update.setString(7, row.database());
                update.executeUpdate();
            }
            if (finished) {
                Release release = Releases.byId(connection, deployment.releaseId()).orElseThrow();
                AuditLog.append(connection, audit(deployment, release, state == TargetRunState.FAILED ? "target-failed" : "target-succeeded",
                        actorOf(deployment), detail).withTarget(row.label()));
                refresh(connection, release, deployment.environment());
            }
            return null;
        });
    }

    private static String versions(DatabaseOutcome outcome) {
        return switch (outcome) {
            case DatabaseOutcome.Migrated migrated -> String.join(",", migrated.steps().stream().map(step -> step.version().text()).toList());
            case DatabaseOutcome.Failed failed -> String.join(",", failed.applied().stream().map(step -> step.version().text()).toList());
            case DatabaseOutcome.UpToDate ignored -> "";
            case DatabaseOutcome.Planned ignored -> "";
            case DatabaseOutcome.Locked ignored -> "";
            case DatabaseOutcome.Invalid ignored -> "";
            case DatabaseOutcome.Unreachable ignored -> "";
            case DatabaseOutcome.NotAttempted ignored -> "";
        };
    }

    /** The deployment's databases, listed once when it first runs (a group's members in name order), then read back. */
    private List<TargetRun> ensureTargets(Deployment deployment, EnvironmentConfig environment) throws SQLException {
        List<TargetRun> existing = transactions.inTransaction(connection -> Deployments.targets(connection, deployment.id()));
        if (!existing.isEmpty()) {
            return existing;
        }
        List<String[]> rows = new ArrayList<>();
        for (String targetName : environment.targets()) {
            TargetConfig target = targets.get(targetName);
            if (target == null) {
                throw new RolloutException(dev.sluice.rollout.ErrorCode.INVALID_INPUT, "environment " + environment.name()
                        + " names target " + targetName + ", which the controller's configuration (sluice.targets) does not define");
            }
            if (target.databases().isEmpty()) {
                rows.add(new String[] {targetName, ""});
                continue;
            }
            DatabaseTarget server = JdbcTargets.of(targetName, target.url(), target.username().orElse(null), target.password().orElse(null));
            try (Connection connection = server.connections().open("list databases")) {
                List<String> members = DatabaseGroups.list(connection, target.databases().get());
                if (members.isEmpty()) {
                    throw new RolloutException(dev.sluice.rollout.ErrorCode.INVALID_INPUT, "database group " + targetName + " ("
                            + target.databases().get() + ") has no database");
                }
                members.forEach(member -> rows.add(new String[] {targetName, member}));
            }
        }
        return transactions.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sluice.deployment_target (deployment_id, target, database, ordinal, state)
                    VALUES (?, ?, ?, ?, 'pending') ON CONFLICT DO NOTHING""")) {
                for (int i = 0; i < rows.size(); i++) {
                    insert.setLong(1, deployment.id());
                    insert.setString(2, rows.get(i)[0]);
                    insert.setString(3, rows.get(i)[1]);
                    insert.setInt(4, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return Deployments.targets(connection, deployment.id());
        });
    }

    private static DatabaseTarget databaseOf(TargetConfig target, TargetRun row) {
        return target.database(row.database());
    }

    private static MigrationSet migrationSet(Release release) {
        List<MigrationSource> sources = release.files().stream().map(file -> new MigrationSource(file.name(), file.content())).toList();
        return new MigrationResolver(17).resolve(sources);
    }

    private void finish(Connection connection, Release release, Deployment deployment, DeploymentState state, String reason)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sluice.deployment SET state = ?, reason = ?, finished_at = now() WHERE id = ?")) {
            update.setString(1, state.word());
            update.setString(2, reason);
            update.setLong(3, deployment.id());
            update.executeUpdate();
        }
        String kind = deployment.kind() == DeploymentKind.DEPLOY ? "deploy" : "rollback";
        AuditLog.append(connection, audit(deployment, release, kind + (state == DeploymentState.SUCCEEDED ? "-succeeded" : "-failed"),
                actorOf(deployment), reason));
        refresh(connection, release, deployment.environment());
    }

    // ---------------------------------------------------------------- commands

    /** Starts the release in the environment now, if its gate is open; otherwise says what it waits for. */
    public CommandOutcome deploy(Release release, String environment, String actor) {
        return withEnvironment(release, environment, config -> transactions.inTransaction(connection -> {
            Deployment deployment = Deployments.deployOf(connection, release.id(), environment).orElseThrow();
            return switch (deployment.state()) {
                case WAITING -> {
                    GateDecision decision = Gates.decide(config, facts(connection, release, deployment, release.policy()), clock.instant());
                    yield switch (decision) {
                        case GateDecision.Closed closed -> new CommandOutcome.Refused("release " + release.version()
                                + " cannot start in " + environment + " yet: " + closed.reason() + ".");
                        case GateDecision.Open ignored -> {
                            try (PreparedStatement update = connection.prepareStatement(
                                    "UPDATE sluice.deployment SET state = 'ready', reason = '', requested_by = ? WHERE id = ? AND state = 'waiting'")) {
                                update.setString(1, actor);
                                update.setLong(2, deployment.id());
                                update.executeUpdate();
                            }
                            AuditLog.append(connection, audit(deployment, release, "deploy-requested", actor, ""));
                            refresh(connection, release, environment);
                            yield new CommandOutcome.Accepted("release " + release.version() + " starts in " + environment + ".");
                        }
                    };
                }
                case READY, RUNNING -> new CommandOutcome.Refused("release " + release.version() + " is already running in " + environment + ".");
                case SUCCEEDED -> new CommandOutcome.Refused("release " + release.version() + " is already deployed to " + environment + ".");
                case FAILED -> new CommandOutcome.Refused("release " + release.version() + " failed in " + environment + ": "
                        + deployment.reason() + ". Fix the cause, then `/sluice retry " + environment + "`.");
            };
        }));
    }

    /**
     * Runs the failed databases of the environment's latest failed deployment of the release again
     * (all of them, or the one named: a target, a database, or target/database); databases that
     * succeeded are not touched.
     */
    public CommandOutcome retry(Release release, String environment, Optional<String> targetOrDatabase, String actor) {
        return withEnvironment(release, environment, config -> transactions.inTransaction(connection -> {
            Optional<Deployment> failed = Deployments.query(connection, "SELECT " + Deployments.COLUMNS + " FROM sluice.deployment"
                    + " WHERE release_id = ? AND environment = ? ORDER BY id DESC LIMIT 1", release.id(), environment).stream()
                    .filter(deployment -> deployment.state() == DeploymentState.FAILED).findFirst();
            if (failed.isEmpty()) {
                return new CommandOutcome.Refused("nothing failed for release " + release.version() + " in " + environment
                        + "; there is nothing to retry.");
            }
            Deployment deployment = failed.get();
            List<TargetRun> toRetry = Deployments.targets(connection, deployment.id()).stream()
                    .filter(row -> row.state() != TargetRunState.SUCCEEDED)
                    .filter(row -> targetOrDatabase.map(name -> name.equals(row.target()) || name.equals(row.database())
                            || name.equals(row.label())).orElse(true))
                    .toList();
            if (targetOrDatabase.isPresent() && toRetry.isEmpty()) {
                List<String> unfinished = Deployments.targets(connection, deployment.id()).stream()
                        .filter(row -> row.state() != TargetRunState.SUCCEEDED).map(TargetRun::label).toList();
                return new CommandOutcome.Refused("no failed target or database " + targetOrDatabase.get() + " in " + environment
                        + (unfinished.isEmpty() ? "." : "; not finished: " + String.join(", ", unfinished.subList(0, Math.min(10, unfinished.size())))
                        + (unfinished.size() > 10 ? " and " + (unfinished.size() - 10) + " more" : "") + "."));
            }
            try (PreparedStatement reset = connection.prepareStatement("""
                    UPDATE sluice.deployment_target SET state = 'pending', detail = ''
                    WHERE deployment_id = ? AND target = ? AND database = ?""")) {
                for (TargetRun row : toRetry) {
                    reset.setLong(1, deployment.id());
                    reset.setString(2, row.target());
                    reset.setString(3, row.database());
                    reset.addBatch();
                }
                reset.executeBatch();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sluice.deployment SET state = 'ready', reason = '', finished_at = NULL, requested_by = ?, attempt = attempt + 1"
                            + " WHERE id = ?")) {
                update.setString(1, actor);
                update.setLong(2, deployment.id());
                update.executeUpdate();
            }
            String which = toRetry.isEmpty() ? "the environment" : toRetry.size() == 1 ? toRetry.getFirst().label()
                    : toRetry.size() + " databases";
            AuditLog.append(connection, audit(deployment, release, "retry-requested", actor, "retrying " + which));
            refresh(connection, release, environment);
            return new CommandOutcome.Accepted("retrying " + which + " of release " + release.version() + " in " + environment + ".");
        }));
    }

    /**
     * Rolls the environment back with down migrations, to {@code toVersion} or (by default) to
     * the highest version of the release before this one. Needs the environment's approvals, like a deploy.
     */
    public CommandOutcome rollback(Release release, String environment, Optional<String> toVersion, String actor) {
        return withEnvironment(release, environment, config -> transactions.inTransaction(connection -> {
            Deployment deploy = Deployments.deployOf(connection, release.id(), environment).orElseThrow();
            if (deploy.state() != DeploymentState.SUCCEEDED && deploy.state() != DeploymentState.FAILED) {
                return new CommandOutcome.Refused("release " + release.version() + " has not run in " + environment
                        + " (" + deploy.state().word() + "); there is nothing to roll back.");
            }
            if (config.approval() instanceof ApprovalPolicy.Approvers approvers) {
                List<Approval> standing = release.pullRequest().isEmpty() ? List.of()
                        : Approvals.standing(connection, release.repository(), release.pullRequest().get(), environment).stream()
                                .filter(approval -> approval.digest().equals(release.digest())).toList();
                int have = Gates.counted(approvers, standing, release.author()).size();
                if (have < approvers.required()) {
                    return new CommandOutcome.Refused("rolling back " + environment + " needs its approvals, like a deploy: "
                            + have + " of " + approvers.required() + " from " + String.join(", ", approvers.approvers()) + ".");
                }
            }
            Optional<String> busy = inFlight(connection, release.repository(), environment);
            if (busy.isPresent()) {
                return new CommandOutcome.Refused(busy.get() + "; roll back once it has finished.");
            }
            MigrationVersion to;
            try {
                Optional<MigrationVersion> target = toVersion.isPresent() ? Optional.of(MigrationVersion.parse(toVersion.get()))
                        : previousVersion(connection, release);
                if (target.isEmpty()) {
                    return new CommandOutcome.Refused("release " + release.version() + " is the first release of " + release.repository()
                            + ", so there is no earlier release to roll back to; name the version: `/sluice rollback " + environment
                            + " --to <version>`.");
                }
                to = target.get();
            } catch (IllegalArgumentException e) {
                return new CommandOutcome.Refused("--to " + toVersion.orElse("") + ": " + e.getMessage());
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sluice.deployment (release_id, environment, position, kind, to_version, state, requested_by)
                    VALUES (?, ?, ?, 'rollback', ?, 'ready', ?) RETURNING id""")) {
                insert.setLong(1, release.id());
                insert.setString(2, environment);
                insert.setInt(3, deploy.position());
                insert.setString(4, to.text());
                insert.setString(5, actor);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            Deployment rollback = Deployments.byId(connection, id).orElseThrow();
            AuditLog.append(connection, audit(rollback, release, "rollback-requested", actor, "to version " + to.text()));
            refresh(connection, release, environment);
            return new CommandOutcome.Accepted("rolling " + environment + " back to version " + to.text() + " (release "
                    + release.version() + ").");
        }));
    }

    public CommandOutcome pause(String repository, String environment, String actor) {
        return new Holds(transactions).pause(repository, environment, actor)
                ? new CommandOutcome.Accepted(environment + " is paused: nothing new starts there until `/sluice resume " + environment + "`.")
                : new CommandOutcome.Refused(environment + " is already paused.");
    }

    public CommandOutcome resume(String repository, String environment, String actor) {
        return new Holds(transactions).resume(repository, environment, actor)
                ? new CommandOutcome.Accepted(environment + " is resumed.")
                : new CommandOutcome.Refused(environment + " is not paused.");
    }

    private CommandOutcome withEnvironment(Release release, String environment,
            java.util.function.Function<EnvironmentConfig, CommandOutcome> command) {
        ProjectConfig policy = release.policy();
        Optional<EnvironmentConfig> config = policy.environment(environment);
        if (config.isEmpty()) {
            return new CommandOutcome.Refused("release " + release.version() + " has no environment " + environment + "; its environments: "
                    + String.join(", ", policy.environments().stream().map(EnvironmentConfig::name).toList()) + ".");
        }
        return command.apply(config.get());
    }

    private static Optional<String> inFlight(Connection connection, String repository, String environment) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT r.version, d.kind FROM sluice.deployment d JOIN sluice.release r ON r.id = d.release_id
                WHERE r.repository = ? AND d.environment = ? AND d.state IN ('ready', 'running') ORDER BY d.id LIMIT 1""")) {
            query.setString(1, repository);
            query.setString(2, environment);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of("a " + row.getString(2) + " of release " + row.getString(1) + " is running in " + environment)
                        : Optional.empty();
            }
        }
    }

    /** The highest up version of the repository's release before this one; empty when this is the first. */
    private static Optional<MigrationVersion> previousVersion(Connection connection, Release release) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT f.name FROM sluice.release_file f
                WHERE f.release_id = (SELECT max(id) FROM sluice.release WHERE repository = ? AND id < ?)""")) {
            query.setString(1, release.repository());
            query.setLong(2, release.id());
            Optional<MigrationVersion> highest = Optional.empty();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Optional<MigrationFileName> name = MigrationFileName.parse(rows.getString(1));
                    if (name.isPresent() && name.get().direction() == MigrationFileName.Direction.UP
                            && (highest.isEmpty() || name.get().version().compareTo(highest.get()) > 0)) {
                        highest = Optional.of(name.get().version());
                    }
                }
            }
            // An earlier release without migrations leaves nothing to roll back above: everything goes.
            return highest.isPresent() || !hasEarlierRelease(connection, release) ? highest : Optional.of(MigrationVersion.parse("0"));
        }
    }

    private static boolean hasEarlierRelease(Connection connection, Release release) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sluice.release WHERE repository = ? AND id < ?")) {
            query.setString(1, release.repository());
            query.setLong(2, release.id());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void refresh(Connection connection, Release release, String environment) throws SQLException {
        if (release.pullRequest().isPresent()) {
            Outbox.enqueue(connection, release.repository(), release.installation(), OutboxKind.RELEASE_COMMENT, release.version(), "");
        }
        Outbox.enqueue(connection, release.repository(), release.installation(), OutboxKind.DEPLOY_CHECK,
                release.version() + " " + environment, "");
    }

    private static AuditEntry audit(Deployment deployment, Release release, String action, String actor, String detail) {
        return AuditEntry.of(actor, action, release.repository(), detail).withEnvironment(deployment.environment())
                .withRelease(release.version());
    }

    private static String actorOf(Deployment deployment) {
        return deployment.requestedBy().isEmpty() ? "sluice" : deployment.requestedBy();
    }

    private static int update(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, id);
            return update.executeUpdate();
        }
    }

    private static String prefixed(String alias) {
        return String.join(", ", java.util.Arrays.stream(Deployments.COLUMNS.split(","))
                .map(column -> alias + "." + column.strip()).toList());
    }
}
