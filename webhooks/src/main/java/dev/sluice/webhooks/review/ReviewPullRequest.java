package dev.sluice.webhooks.review;

import dev.sluice.review.MigrationFile;
import dev.sluice.review.ReviewOptions;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Reviewer;
import dev.sluice.review.RuleConfig;
import dev.sluice.review.schema.SchemaCatalog;
import dev.sluice.rollout.engine.MigrationResolver;
import dev.sluice.rollout.engine.MigrationSet;
import dev.sluice.rollout.engine.MigrationSource;
import dev.sluice.rollout.RolloutException;
import dev.sluice.rollout.config.EnvironmentConfig;
import dev.sluice.rollout.config.ProjectConfig;
import dev.sluice.rollout.config.ReviewRules;
import dev.sluice.rollout.migration.MigrationFileName;
import dev.sluice.rollout.migration.MigrationText;
import dev.sluice.rollout.migration.MigrationVersion;
import dev.sluice.webhooks.git.Mirror;
import dev.sluice.webhooks.git.RepositoryMirrors;
import dev.sluice.webhooks.github.GitHubBusy;
import dev.sluice.webhooks.github.GitHubClients;
import dev.sluice.webhooks.handle.HandlerResult;
import dev.sluice.webhooks.intake.GitHubEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/**
 * Reviews the migrations a pull request adds or changes, against the policy on the default
 * branch (a pull request cannot change its own rules), and reports on the pull request. Not a
 * delivery handler of its own: {@code PullRequestEvents} routes {@code pull_request} deliveries here.
 */
public final class ReviewPullRequest {

    private static final Set<String> ACTIONS = Set.of("opened", "reopened", "synchronize", "ready_for_review");

    private final GitHubClients github;
    private final RepositoryMirrors mirrors;
    private final ReviewReporter reporter;
    private final Planner planner;
    private final boolean reviewDrafts;
    private final ReviewListener listener;

    public ReviewPullRequest(GitHubClients github, RepositoryMirrors mirrors, ReviewReporter reporter, Planner planner,
            boolean reviewDrafts) {
        this(github, mirrors, reporter, planner, reviewDrafts, ReviewListener.NONE);
    }

    public ReviewPullRequest(GitHubClients github, RepositoryMirrors mirrors, ReviewReporter reporter, Planner planner,
            boolean reviewDrafts, ReviewListener listener) {
        this.listener = listener;
        this.github = github;
        this.mirrors = mirrors;
        this.reporter = reporter;
        this.planner = planner;
        this.reviewDrafts = reviewDrafts;
    }

    /** Reviews an opened, reopened, pushed-to or ready pull request; other actions are not for review. */
    public HandlerResult handle(String deliveryId, GitHubEvent event) {
        GHEventPayload.PullRequest payload = (GHEventPayload.PullRequest) event.payload();
        GHPullRequest pullRequest = payload.getPullRequest();
        if (!ACTIONS.contains(event.action())) {
            return new HandlerResult.Done("pull request " + event.action() + ": nothing to review");
        }
        if (isDraft(pullRequest) && !reviewDrafts) {
            return new HandlerResult.Done("draft pull request #" + pullRequest.getNumber() + ": not reviewed");
        }
        String defaultBranch = Optional.ofNullable(payload.getRepository().getDefaultBranch()).orElse("main");
        return reviewAndReport(event.installation().orElse(0L), event.repository().orElseThrow(), pullRequest.getNumber(),
                pullRequest.getHead().getSha(), pullRequest.getBase().getSha(), defaultBranch);
    }

    /** Reviews a pull request at the given commits and reports on it; used for new pushes and for {@code /sluice plan}. */
    public HandlerResult reviewAndReport(long installation, String repositoryName, int number, String headSha, String baseSha,
            String defaultBranch) {
        long started = System.nanoTime();
        HandlerResult result = reviewAt(installation, repositoryName, number, headSha, baseSha, defaultBranch);
        listener.reviewed(java.time.Duration.ofNanos(System.nanoTime() - started), result);
        return result;
    }

    private HandlerResult reviewAt(long installation, String repositoryName, int number, String headSha, String baseSha,
            String defaultBranch) {
        String[] name = repositoryName.split("/", 2);
        try (Mirror mirror = mirrors.fetch(name[0], name[1], github.gitToken(installation), List.of(baseSha, headSha))) {
            ProjectConfig project = policy(mirror, defaultBranch);
            Optional<PullRequestReview> review = review(mirror, project, planner, baseSha, headSha, defaultBranch);
            if (review.isEmpty()) {
                return new HandlerResult.Done("pull request #" + number + " changes no migration");
            }
            GHRepository repository = github.forInstallation(installation).getRepository(repositoryName);
            GHPullRequest current = repository.getPullRequest(number);
            reporter.report(repository, current, review.get(), github.usesChecks());
            return new HandlerResult.Done("reviewed #" + number + " at " + headSha.substring(0, 7) + ": "
                    + ReviewReporter.title(review.get()));
        } catch (GitHubBusy busy) {
            return new HandlerResult.Retry(busy.getMessage(), java.util.Optional.of(busy.retryAt()));
        } catch (IOException e) {
            return new HandlerResult.Retry(e.getMessage());
        } catch (RolloutException e) {
            return new HandlerResult.Park("sluice.yaml on " + defaultBranch + ": " + e.getMessage());
        }
    }

    private static boolean isDraft(GHPullRequest pullRequest) {
        try {
            return pullRequest.isDraft();
        } catch (IOException e) {
            return false; // the payload carries the field; a missing one means an old, non-draft pull request
        }
    }

    /** sluice.yaml as it is on the default branch; defaults when there is none. */
    private static ProjectConfig policy(Mirror mirror, String defaultBranch) throws IOException {
        Optional<byte[]> yaml = mirror.file("refs/heads/" + defaultBranch, "sluice.yaml");
        return yaml.isEmpty() ? ProjectConfig.defaults()
                : ProjectConfig.parse(new String(yaml.get(), StandardCharsets.UTF_8), "sluice.yaml");
    }

    static Optional<PullRequestReview> review(Mirror mirror, ProjectConfig project, Planner planner, String baseSha, String headSha,
            String defaultBranch) throws IOException {
        String folder = project.migrations().replaceAll("^\\./|/+$", "");
        Map<String, byte[]> base = sqlFiles(mirror.filesUnder(baseSha, folder));
        Map<String, byte[]> head = sqlFiles(mirror.filesUnder(headSha, folder));
        List<String> problems = new ArrayList<>();
        List<MigrationFile> changed = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : head.entrySet()) {
            byte[] before = base.get(file.getKey());
            if (before != null && Arrays.equals(before, file.getValue())) {
                continue;
            }
            if (before != null) {
                problems.add("`" + file.getKey() + "` was changed, but it is already on " + defaultBranch + ": merged migrations are"
                        + " immutable. Restore it and put the change in a new migration.");
            }
            try {
                String path = folder.isEmpty() ? file.getKey() : folder + "/" + file.getKey();
                changed.add(new MigrationFile(path, MigrationText.decode(path, file.getValue())));
            } catch (RolloutException e) {
                problems.add(e.getMessage());
            }
        }
        for (String deleted : base.keySet()) {
            if (!head.containsKey(deleted)) {
                problems.add("`" + deleted + "` was deleted, but it is already on " + defaultBranch + ": restore it.");
            }
        }
        if (changed.isEmpty() && problems.isEmpty()) {
            return Optional.empty();
        }
        problems.addAll(versionProblems(base.keySet(), head.keySet(), changed, defaultBranch));
        changed.sort(Comparator.comparing(file -> fileName(file).map(MigrationFileName::version).orElse(MigrationVersion.parse("0"))));

        Planner.Plan plan = plan(planner, project, head);
        List<String> environments = project.environments().stream().map(EnvironmentConfig::name).toList();
        ReviewReport merged = null;
        List<String> applied = new ArrayList<>();
        for (String environment : environments.isEmpty() ? List.of("") : environments) {
            RuleConfig rules = ReviewRules.forEnvironment(project, environment.isEmpty() ? Optional.empty() : Optional.of(environment),
                    "sluice.yaml");
            ReviewReport report = reviewInRunOrder(changed, ReviewOptions.defaults().withRules(rules)
                    .withSchema(plan.schemas().getOrDefault(environment, SchemaCatalog.EMPTY)));
            merged = merged == null ? report : strictest(merged, report);
            applied.add(environment.isEmpty() ? "the default rule set" : environment + " (" + rules.ruleSet().name().toLowerCase() + ")");
        }
        return Optional.of(new PullRequestReview(folder, problems, merged, applied, plan.rows(), headSha, defaultBranch));
    }

    /** The plan against the controller's targets, with the head's migrations; none when the files cannot be resolved. */
    private static Planner.Plan plan(Planner planner, ProjectConfig project, Map<String, byte[]> headFiles) {
        List<MigrationSource> sources = new ArrayList<>();
        try {
            headFiles.forEach((name, bytes) -> sources.add(new MigrationSource(name, MigrationText.decode(name, bytes))));
            MigrationSet files = new MigrationResolver(17).resolve(sources);
            return planner.plan(project, files);
        } catch (RolloutException e) {
            return new Planner.Plan(List.of(), Map.of()); // the history problems already say what is wrong with the files
        }
    }

    private static ReviewReport reviewInRunOrder(List<MigrationFile> files, ReviewOptions options) {
        Reviewer reviewer = new Reviewer(options);
        List<MigrationFile> downs = files.stream().filter(ReviewPullRequest::isDown).toList();
        List<MigrationFile> ups = files.stream().filter(file -> !isDown(file)).toList();
        return reviewer.review(ups).plus(reviewer.review(downs));
    }

    private static boolean isDown(MigrationFile file) {
        return fileName(file).filter(name -> name.direction() == MigrationFileName.Direction.DOWN).isPresent();
    }

    private static Optional<MigrationFileName> fileName(MigrationFile file) {
        return MigrationFileName.parse(file.path().substring(file.path().lastIndexOf('/') + 1));
    }

    /** One finding per file, line and rule, at its most severe across environments. */
    private static ReviewReport strictest(ReviewReport first, ReviewReport second) {
        Map<String, dev.sluice.review.Finding> byKey = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (dev.sluice.review.Finding finding : first.plus(second).findings()) {
            String key = finding.file() + ":" + finding.line() + ":" + finding.column() + ":" + finding.rule();
            dev.sluice.review.Finding known = byKey.get(key);
            if (known == null) {
                order.add(key);
                byKey.put(key, finding);
            } else if (finding.severity().ordinal() < known.severity().ordinal()) {
                byKey.put(key, finding);
            }
        }
        List<dev.sluice.review.Finding> findings = new ArrayList<>(order.stream().map(byKey::get).toList());
        findings.sort(Comparator.comparing(dev.sluice.review.Finding::file).thenComparingInt(dev.sluice.review.Finding::line)
                .thenComparingInt(dev.sluice.review.Finding::column).thenComparing(dev.sluice.review.Finding::rule));
        return new ReviewReport(findings, first.files());
    }

    private static List<String> versionProblems(Set<String> baseNames, Set<String> headNames, List<MigrationFile> changed,
            String defaultBranch) {
        List<String> problems = new ArrayList<>();
        MigrationVersion highestMerged = null;
        for (String name : baseNames) {
            Optional<MigrationFileName> parsed = MigrationFileName.parse(name);
            if (parsed.isPresent() && parsed.get().direction() == MigrationFileName.Direction.UP
                    && (highestMerged == null || parsed.get().version().compareTo(highestMerged) > 0)) {
                highestMerged = parsed.get().version();
            }
        }
        Map<MigrationVersion, String> seen = new HashMap<>();
        for (String name : headNames) {
            Optional<MigrationFileName> parsed = MigrationFileName.parse(name);
            if (parsed.isEmpty()) {
                problems.add("`" + name + "` is not a migration file name: use V<version>__<description>.sql"
                        + " (down: U<version>__<description>.sql) or <version>_<description>.up.sql / .down.sql");
                continue;
            }
            if (parsed.get().direction() != MigrationFileName.Direction.UP) {
                continue;
            }
            String clash = seen.put(parsed.get().version(), name);
            if (clash != null) {
                problems.add("`" + clash + "` and `" + name + "` claim the same version " + parsed.get().version() + ".");
            }
        }
        for (MigrationFile file : changed) {
            Optional<MigrationFileName> parsed = fileName(file);
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            if (parsed.isPresent() && parsed.get().direction() == MigrationFileName.Direction.UP && !baseNames.contains(name)
                    && highestMerged != null && parsed.get().version().compareTo(highestMerged) <= 0) {
                problems.add("`" + name + "` is new, but its version is not above " + highestMerged + ", the highest on "
                        + defaultBranch + ": give it a higher version.");
            }
        }
        return problems;
    }

    private static Map<String, byte[]> sqlFiles(Map<String, byte[]> files) {
        return dev.sluice.webhooks.git.MigrationFolder.sqlFiles(files);
    }
}
