package dev.sluice.review.rules;

import dev.sluice.review.rules.data.BackfillInDdlTransactionRule;
import dev.sluice.review.rules.data.DeleteWithoutWhereRule;
import dev.sluice.review.rules.data.UpdateWithoutWhereRule;
import dev.sluice.review.rules.destructive.AddColumnNotNullNoDefaultRule;
import dev.sluice.review.rules.destructive.DropColumnRule;
import dev.sluice.review.rules.destructive.DropNotNullRule;
import dev.sluice.review.rules.destructive.DropSchemaOrDatabaseRule;
import dev.sluice.review.rules.destructive.DropTableRule;
import dev.sluice.review.rules.destructive.RemoveCascadeRule;
import dev.sluice.review.rules.destructive.RenameColumnRule;
import dev.sluice.review.rules.destructive.RenameTableRule;
import dev.sluice.review.rules.destructive.TruncateRule;
import dev.sluice.review.rules.locking.AddCheckWithoutNotValidRule;
import dev.sluice.review.rules.locking.AddColumnRewriteRule;
import dev.sluice.review.rules.locking.AddExclusionConstraintRule;
import dev.sluice.review.rules.locking.AddForeignKeyWithoutNotValidRule;
import dev.sluice.review.rules.locking.AddPrimaryKeyBlockingRule;
import dev.sluice.review.rules.locking.AddUniqueConstraintBlockingRule;
import dev.sluice.review.rules.locking.AlterColumnTypeRewriteRule;
import dev.sluice.review.rules.locking.ConcurrentInTransactionRule;
import dev.sluice.review.rules.locking.DropIndexNotConcurrentRule;
import dev.sluice.review.rules.locking.EnumAddValueInTransactionRule;
import dev.sluice.review.rules.locking.IndexNotConcurrentRule;
import dev.sluice.review.rules.locking.MaintenanceNotConcurrentRule;
import dev.sluice.review.rules.locking.RefreshMatviewBlockingRule;
import dev.sluice.review.rules.locking.RewriteTableCommandRule;
import dev.sluice.review.rules.locking.SetNotNullDirectRule;
import dev.sluice.review.rules.locking.ValidateInSameTransactionRule;
import dev.sluice.review.rules.meta.InvalidDirectiveRule;
import dev.sluice.review.rules.meta.PsqlMetaCommandRule;
import dev.sluice.review.rules.meta.SyntaxErrorRule;
import dev.sluice.review.rules.meta.UnparsedStatementRule;
import dev.sluice.review.rules.meta.UnusedIgnoreRule;
import dev.sluice.review.rules.session.MissingLockTimeoutRule;
import dev.sluice.review.rules.structure.BanDomainConstraintRule;
import dev.sluice.review.rules.structure.CreateTableWithoutPrimaryKeyRule;
import dev.sluice.review.rules.structure.ForeignKeyWithoutIndexRule;
import dev.sluice.review.rules.structure.IdentifierTooLongRule;
import dev.sluice.review.rules.structure.NamingIndexRule;
import dev.sluice.review.rules.structure.NamingTableRule;
import dev.sluice.review.rules.structure.PreferRobustStatementsRule;
import dev.sluice.review.rules.structure.RequireSchemaQualifiedRule;
import dev.sluice.review.rules.transactions.MixedTransactionalStatementsRule;
import dev.sluice.review.rules.transactions.TransactionNestingRule;
import dev.sluice.review.rules.transactions.UncommittedTransactionRule;
import dev.sluice.review.rules.types.PreferBigintRule;
import dev.sluice.review.rules.types.PreferIdentityRule;
import dev.sluice.review.rules.types.PreferJsonbRule;
import dev.sluice.review.rules.types.PreferTextRule;
import dev.sluice.review.rules.types.PreferTimestamptzRule;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every rule Sluice has, in the order of the rule table. */
public final class RuleCatalog {

    public static final String UNUSED_IGNORE = "unused-ignore";

    private static final List<Rule> ALL = List.of(
            new IndexNotConcurrentRule(),
            new DropIndexNotConcurrentRule(),
            new MaintenanceNotConcurrentRule(),
            new ConcurrentInTransactionRule(),
            new AddColumnRewriteRule(),
            new SetNotNullDirectRule(),
            new AddCheckWithoutNotValidRule(),
            new AddForeignKeyWithoutNotValidRule(),
            new ValidateInSameTransactionRule(),
            new AddUniqueConstraintBlockingRule(),
            new AddPrimaryKeyBlockingRule(),
            new AddExclusionConstraintRule(),
            new AlterColumnTypeRewriteRule(),
            new RewriteTableCommandRule(),
            new EnumAddValueInTransactionRule(),
            new RefreshMatviewBlockingRule(),
            new DropTableRule(),
            new DropColumnRule(),
            new DropSchemaOrDatabaseRule(),
            new RenameTableRule(),
            new RenameColumnRule(),
            new DropNotNullRule(),
            new TruncateRule(),
            new RemoveCascadeRule(),
            new AddColumnNotNullNoDefaultRule(),
            new UpdateWithoutWhereRule(),
            new DeleteWithoutWhereRule(),
            new BackfillInDdlTransactionRule(),
            new TransactionNestingRule(),
            new UncommittedTransactionRule(),
            new MixedTransactionalStatementsRule(),
            new MissingLockTimeoutRule(),
            new PreferBigintRule(),
            new PreferTextRule(),
            new PreferTimestamptzRule(),
            new PreferIdentityRule(),
            new PreferJsonbRule(),
            new CreateTableWithoutPrimaryKeyRule(),
            new ForeignKeyWithoutIndexRule(),
            new NamingIndexRule(),
            new NamingTableRule(),
            new IdentifierTooLongRule(),
            new RequireSchemaQualifiedRule(),
            new PreferRobustStatementsRule(),
            new BanDomainConstraintRule(),
            new SyntaxErrorRule(),
            new UnparsedStatementRule(),
            new UnusedIgnoreRule(),
            new PsqlMetaCommandRule(),
            new InvalidDirectiveRule());

    private static final Map<String, Rule> BY_NAME = new HashMap<>();

    static {
        for (Rule rule : ALL) {
            register(rule.id(), rule);
            rule.aliases().forEach(alias -> register(alias, rule));
        }
    }

    private RuleCatalog() {
    }

    private static void register(String name, Rule rule) {
        Rule previous = BY_NAME.put(name, rule);
        if (previous != null && previous != rule) {
            throw new IllegalStateException("two rules are called " + name + ": " + previous.id() + " and " + rule.id());
        }
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        Rule rule = BY_NAME.get(id);
        return rule != null && rule.id().equals(id) ? Optional.of(rule) : Optional.empty();
    }

    /** A rule by its id or by another tool's name for it (configuration accepts both). */
    public static Optional<Rule> resolve(String idOrAlias) {
        return Optional.ofNullable(BY_NAME.get(idOrAlias.strip().toLowerCase(Locale.ROOT)));
    }
}
