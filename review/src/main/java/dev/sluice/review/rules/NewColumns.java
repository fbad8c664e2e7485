package dev.sluice.review.rules;

import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.ColumnDefinition;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import java.util.ArrayList;
import java.util.List;

/** The columns a statement declares (CREATE TABLE, ADD COLUMN), with where to report about each. */
public final class NewColumns {

    /** A declared column, its table, and the offset a finding about it points at. */
    public record Declared(QualifiedName table, ColumnDefinition column, int offset) {
    }

    private NewColumns() {
    }

    public static List<Declared> of(StatementContext context) {
        List<Declared> declared = new ArrayList<>();
        switch (context.statement()) {
            case Statement.CreateTable create when !create.temporary() ->
                    create.columns().forEach(column -> declared.add(new Declared(create.table(), column, context.sql().start())));
            case Statement.AlterTable alter -> {
                for (AlterAction action : alter.actions()) {
                    if (action instanceof AlterAction.AddColumn add) {
                        declared.add(new Declared(alter.table(), add.column(), action.offset()));
                    }
                }
            }
            default -> {
            }
        }
        return declared;
    }
}
