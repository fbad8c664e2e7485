package dev.sluice.review.rules.structure;

import dev.sluice.review.RuleSet;
import dev.sluice.review.Severity;
import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TableConstraint;
import dev.sluice.review.rules.AbstractRule;
import dev.sluice.review.rules.Category;
import dev.sluice.review.rules.Report;
import dev.sluice.review.rules.StatementContext;
import dev.sluice.review.sql.Token;
import dev.sluice.review.sql.TokenKind;
import java.util.List;

/** CREATE TABLE with no primary key, and none added later in the same file. */
public final class CreateTableWithoutPrimaryKeyRule extends AbstractRule {

    public CreateTableWithoutPrimaryKeyRule() {
        super("create-table-without-pk", Category.STRUCTURE, Severity.WARNING, RuleSet.DEFAULT,
                "A table without a primary key cannot be replicated logically and invites duplicate rows",
                "require-primary-key");
    }

    @Override
    public void check(StatementContext context, Report report) {
        if (!(context.statement() instanceof Statement.CreateTable create) || create.temporary() || create.partitionOf()) {
            return;
        }
        boolean hasKey = create.columns().stream().anyMatch(column -> column.primaryKey())
                || create.constraints().stream().anyMatch(constraint -> constraint.kind() == TableConstraint.Kind.PRIMARY_KEY);
        if (hasKey || copiesIndexes(context) || addedLater(context, create)) {
            return;
        }
        report.add("Table " + create.table() + " has no primary key: rows cannot be told apart, logical replication cannot"
                        + " replicate its UPDATEs and DELETEs, and tools that need a key will not work on it.",
                "Add one, for example: id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY.");
    }

    private static boolean addedLater(StatementContext context, Statement.CreateTable create) {
        for (Statement later : context.following()) {
            if (later instanceof Statement.AlterTable alter && alter.table().sameObject(create.table())
                    && alter.actions().stream().anyMatch(action -> action instanceof AlterAction.AddConstraint add
                            && add.constraint().kind() == TableConstraint.Kind.PRIMARY_KEY
                            || action instanceof AlterAction.AddColumn column && column.column().primaryKey())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a {@code LIKE source INCLUDING INDEXES} (or {@code INCLUDING ALL}) element copies the
     * source table's indexes, and with them its primary key, which this file cannot see.
     */
    private static boolean copiesIndexes(StatementContext context) {
        List<Token> tokens = context.sql().tokens();
        int depth = 0;
        boolean inLike = false;
        boolean copies = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN) {
                depth--;
                inLike &= depth >= 1;
            } else if (depth == 1 && token.kind() == TokenKind.COMMA) {
                inLike = false;
            } else if (depth == 1 && token.isWord("like") && i > 0
                    && (tokens.get(i - 1).kind() == TokenKind.LEFT_PAREN || tokens.get(i - 1).kind() == TokenKind.COMMA)) {
                inLike = true;
            } else if (inLike && depth == 1 && i + 1 < tokens.size()
                    && (tokens.get(i + 1).isWord("all") || tokens.get(i + 1).isWord("indexes"))) {
                if (token.isWord("including")) {
                    copies = true;
                } else if (token.isWord("excluding")) {
                    copies = false;
                }
            }
        }
        return copies;
    }
}
