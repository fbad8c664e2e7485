package dev.sluice.review;

import dev.sluice.review.directive.Directives;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.parse.StatementRecognizer;
import dev.sluice.review.rules.Cost;
import dev.sluice.review.rules.FileContext;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.ReviewState;
import dev.sluice.review.rules.Rule;
import dev.sluice.review.rules.RuleCatalog;
import dev.sluice.review.rules.StatementContext;
import dev.sluice.review.schema.TableInfo;
import dev.sluice.review.sql.SourceText;
import dev.sluice.review.sql.SplitFile;
import dev.sluice.review.sql.SqlStatement;
import dev.sluice.review.sql.StatementSplitter;
import dev.sluice.review.transaction.TransactionClassifier;
import dev.sluice.review.transaction.TransactionPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reviews migration files: splits and reads each statement, works out the transactions, runs the
 * enabled rules in file order with the state PostgreSQL would have at each statement, applies the
 * {@code sluice:ignore} directives and reports. Never throws on file content.
 */
public final class Reviewer {

    private final ReviewOptions options;
    private final Map<Rule, Severity> active = new LinkedHashMap<>();
    private final Map<String, Severity> severities = new java.util.HashMap<>();
    private final Severity unusedIgnoreSeverity;
    private final StatementRecognizer recognizer = new StatementRecognizer();

    public Reviewer(ReviewOptions options) {
        this.options = options;
        for (Rule rule : RuleCatalog.all()) {
            options.rules().severityOf(rule.id(), rule.defaultSeverity(), rule.enabledFrom())
                    .ifPresent(severity -> {
                        active.put(rule, severity);
                        severities.put(rule.id(), severity);
                    });
        }
        Rule unusedIgnore = RuleCatalog.byId(RuleCatalog.UNUSED_IGNORE).orElseThrow();
        this.unusedIgnoreSeverity = active.get(unusedIgnore);
    }

    /** Reviews the files in the order given, as they would run one after another. */
    public ReviewReport review(List<MigrationFile> files) {
        ReviewState state = new ReviewState();
        List<Finding> findings = new ArrayList<>();
        List<FileReview> fileReviews = new ArrayList<>();
        for (MigrationFile file : files) {
            fileReviews.add(reviewFile(file, state, findings));
        }
        return new ReviewReport(findings, fileReviews);
    }

    /** Reads a file into statements and its transaction plan without running any rule (used by the migration engine). */
    public FileContext read(MigrationFile file) {
        SplitFile split = StatementSplitter.split(file.text());
        List<Statement> statements = new ArrayList<>(split.statements().size());
        for (SqlStatement statement : split.statements()) {
            statements.add(recognizer.recognize(statement, statement.text(split.source())));
        }
        Directives directives = Directives.of(split);
        TransactionPlan plan = TransactionClassifier.plan(statements, directives, options.model(), options.pgVersion());
        return new FileContext(file.path(), split, statements, directives, plan, options);
    }

    private FileReview reviewFile(MigrationFile file, ReviewState state, List<Finding> findings) {
        FileContext context = read(file);
        List<Raw> raw = new ArrayList<>();
        state.startFile();
        for (int i = 0; i < context.statements().size(); i++) {
            StatementContext statement = new StatementContext(context, i, state);
            TransactionPlan.Scope scope = context.plan().scope(i);
            state.enter(scope.transaction(), scope.inTransaction());
            for (Map.Entry<Rule, Severity> entry : active.entrySet()) {
                entry.getKey().check(statement, new RuleReport(entry.getKey().id(), i, context.sql(i).start(), null, null, raw));
            }
            state.apply(context.statements().get(i), scope.transaction(), scope.inTransaction());
        }
        for (Map.Entry<Rule, Severity> entry : active.entrySet()) {
            entry.getKey().finish(context, new RuleReport(entry.getKey().id(), -1, 0, null, null, raw));
        }
        findings.addAll(suppressAndLocate(context, raw));
        return new FileReview(file.path(), context.plan().transactional(), transactionReason(context),
                context.statements().size());
    }

    private List<Finding> suppressAndLocate(FileContext context, List<Raw> raw) {
        List<Directives.Ignore> ignores = context.directives().ignores();
        Map<Directives.Ignore, Set<String>> used = new LinkedHashMap<>();
        ignores.forEach(ignore -> used.put(ignore, new HashSet<>()));
        List<Finding> kept = new ArrayList<>();
        for (Raw finding : raw) {
            Optional<Directives.Ignore> suppressedBy = ignores.stream()
                    .filter(ignore -> names(ignore).contains(finding.rule())
                            && (ignore.wholeFile() || ignore.statement() == finding.statement()))
                    .findFirst();
            if (suppressedBy.isPresent()) {
                Directives.Ignore ignore = suppressedBy.get();
                ignore.rules().stream()
                        .filter(name -> RuleCatalog.resolve(name).map(Rule::id).filter(finding.rule()::equals).isPresent())
                        .forEach(used.get(ignore)::add);
            } else {
                kept.add(locate(context, finding));
            }
        }
        if (unusedIgnoreSeverity != null) {
            for (Directives.Ignore ignore : ignores) {
                Set<String> unused = new TreeSet<>(ignore.rules());
                unused.removeAll(used.get(ignore));
                boolean fileIgnoresUnused = ignores.stream()
                        .anyMatch(other -> other.wholeFile() && names(other).contains(RuleCatalog.UNUSED_IGNORE));
                if (!unused.isEmpty() && !fileIgnoresUnused) {
                    kept.add(locate(context, new Raw(RuleCatalog.UNUSED_IGNORE, ignore.statement(), ignore.offset(),
                            unusedMessage(unused), "Remove the names from the directive, or the directive itself.", null, null))
                            .withSeverity(unusedIgnoreSeverity));
                }
            }
        }
        kept.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::rule));
        return kept;
    }

    /** The rule ids an ignore directive names, its aliases resolved. */
    private static Set<String> names(Directives.Ignore ignore) {
        Set<String> ids = new HashSet<>();
        for (String name : ignore.rules()) {
            RuleCatalog.resolve(name).ifPresent(rule -> ids.add(rule.id()));
        }
        return ids;
    }

    private static String unusedMessage(Set<String> unused) {
        List<String> parts = new ArrayList<>();
        for (String rule : unused) {
            parts.add(RuleCatalog.resolve(rule).isPresent() ? rule + " (nothing to ignore here)" : rule + " (no such rule)");
        }
        return "sluice:ignore suppresses nothing: " + String.join(", ", parts);
    }

    private Finding locate(FileContext context, Raw finding) {
        SourceText source = context.source();
        int offset = Math.min(finding.offset(), Math.max(0, source.text().length()));
        int line = source.line(offset);
        int endLine = finding.statement() >= 0
                ? Math.max(line, source.line(Math.max(0, context.sql(finding.statement()).end() - 1)))
                : line;
        Severity severity = severities.getOrDefault(finding.rule(), Severity.INFO);
        String message = finding.message();
        Optional<TableInfo> live = finding.table() == null ? Optional.empty() : options.schema().table(finding.table());
        if (live.isPresent()) {
            message += SizeImpact.describe(live.get(), finding.cost(), options.throughput());
            severity = SizeImpact.adjust(severity, live.get(), finding.cost(), options.throughput());
        }
        return new Finding(finding.rule(), severity, context.path(), line, source.column(offset), endLine, message, finding.hint());
    }

    private static String transactionReason(FileContext context) {
        return context.plan().blocker().map(blocker -> blocker.statement() < 0
                ? blocker.reason()
                : blocker.reason() + " (line " + context.source().line(context.sql(blocker.statement()).start()) + ")")
                .orElse("");
    }

    /** A finding before suppression and positioning; {@code table} and {@code cost} are null when not about a table's size. */
    private record Raw(String rule, int statement, int offset, String message, String hint, QualifiedName table, Cost cost) {
    }

    private record RuleReport(String rule, int statement, int statementStart, QualifiedName table, Cost cost, List<Raw> sink)
            implements Report {
        @Override
        public Report about(QualifiedName aboutTable, Cost aboutCost) {
            return new RuleReport(rule, statement, statementStart, aboutTable, aboutCost, sink);
        }

        @Override
        public void add(String message, String hint) {
            sink.add(new Raw(rule, statement, statementStart, message, hint, table, cost));
        }

        @Override
        public void addAt(int offset, String message, String hint) {
            sink.add(new Raw(rule, statement, offset, message, hint, table, cost));
        }

        @Override
        public void addInFile(int statementIndex, int offset, String message, String hint) {
            sink.add(new Raw(rule, statementIndex, offset, message, hint, table, cost));
        }
    }
}
