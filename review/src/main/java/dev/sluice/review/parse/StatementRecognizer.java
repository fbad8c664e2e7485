package dev.sluice.review.parse;

import dev.sluice.review.model.AlterAction;
import dev.sluice.review.model.ColumnDefinition;
import dev.sluice.review.model.DefaultValue;
import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.model.Statement;
import dev.sluice.review.model.TableConstraint;
import dev.sluice.review.model.TypeName;
import dev.sluice.review.sql.SqlStatement;
import dev.sluice.review.sql.Token;
import dev.sluice.review.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads PostgreSQL statements from their tokens into the review's {@link Statement} model: the
 * DDL forms that matter for locking and compatibility (CREATE/ALTER/DROP TABLE, indexes with
 * CONCURRENTLY, constraints with NOT VALID, ...), data changes, transaction control and session
 * settings. Anything else goes to {@link FallbackReader}. Never throws.
 */
public final class StatementRecognizer {

    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of(
            "constraint", "not", "null", "default", "primary", "unique", "check", "references", "generated",
            "collate", "deferrable", "initially", "compression", "storage");
    private static final Set<String> TABLE_CONSTRAINT_WORDS = Set.of(
            "constraint", "primary", "unique", "check", "foreign", "exclude");
    /** Statements that are read and never judged. */
    private static final Set<String> KNOWN_HEADS = Set.of(
            "insert", "select", "values", "grant", "revoke", "comment", "analyze", "analyse", "lock", "notify", "listen",
            "unlisten", "copy", "call", "explain", "security", "table", "declare", "fetch", "close", "move",
            "prepare", "execute", "deallocate", "discard", "checkpoint", "load", "import", "merge", "show",
            "reassign", "refresh");

    private final FallbackReader fallback;

    public StatementRecognizer() {
        this(new FallbackReader());
    }

    StatementRecognizer(FallbackReader fallback) {
        this.fallback = fallback;
    }

    public Statement recognize(SqlStatement statement, String statementText) {
        List<Token> tokens = statement.body();
        if (tokens.isEmpty()) {
            return new Statement.Known("empty");
        }
        try {
            Statement recognized = read(new TokenCursor(tokens, statementText, statement.start()));
            if (recognized != null) {
                return recognized;
            }
        } catch (RecognitionException | IndexOutOfBoundsException e) {
            // A form the recognizer does not model: let the fallback try.
        }
        return fallback.read(statementText);
    }

    private Statement read(TokenCursor in) {
        Token first = in.peek();
        if (first.kind() != TokenKind.WORD) {
            return first.kind() == TokenKind.LEFT_PAREN ? new Statement.Known("select") : null;
        }
        return switch (first.text()) {
            case "create" -> create(in);
            case "alter" -> alter(in);
            case "drop" -> drop(in);
            case "truncate" -> truncate(in);
            case "update" -> update(in);
            case "delete" -> delete(in);
            case "with" -> withQuery(in);
            case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release" -> transaction(in);
            case "set", "reset" -> set(in);
            case "reindex" -> reindex(in);
            case "vacuum" -> vacuum(in);
            case "cluster" -> cluster(in);
            case "do" -> new Statement.DoBlock();
            default -> {
                if (first.isWord("refresh") && in.peekWord(1, "materialized")) {
                    yield refresh(in);
                }
                if (first.isWord("prepare") && in.peekWord(1, "transaction")) {
                    yield new Statement.Transaction(Statement.Transaction.Control.PREPARE);
                }
                yield KNOWN_HEADS.contains(first.text()) ? new Statement.Known(first.text()) : null;
            }
        };
    }

    // ---- CREATE -------------------------------------------------------------------------------

    private Statement create(TokenCursor in) {
        in.expectWord("create");
        boolean orReplace = in.acceptWords("or", "replace");
        boolean temporary = false;
        if (in.acceptWord("global") || in.acceptWord("local")) {
            temporary = true;
        }
        if (in.acceptWord("temp") || in.acceptWord("temporary")) {
            temporary = true;
        }
        in.acceptWord("unlogged");
        if (in.acceptWord("table")) {
            return createTable(in, temporary);
        }
        if (in.peekWord("unique") || in.peekWord("index")) {
            return createIndex(in);
        }
        if (in.acceptWord("recursive") || in.peekWord("view")) {
            in.expectWord("view");
            return new Statement.CreateView(in.qualifiedName(), false, orReplace);
        }
        if (in.acceptWords("materialized", "view")) {
            in.acceptWords("if", "not", "exists");
            return new Statement.CreateView(in.qualifiedName(), true, orReplace);
        }
        if (in.acceptWord("function") || in.peekWord("procedure")) {
            boolean procedure = in.acceptWord("procedure");
            return new Statement.CreateFunction(in.qualifiedName(), procedure);
        }
        if (in.acceptWord("domain")) {
            QualifiedName domain = in.qualifiedName();
            return new Statement.CreateDomain(domain, in.containsTopLevelWord("check"));
        }
        if (in.acceptWord("database")) {
            return new Statement.CreateDatabase(in.name());
        }
        if (in.acceptWord("tablespace")) {
            return new Statement.NonTransactionalCommand("CREATE TABLESPACE");
        }
        Token kind = in.peek();
        return kind != null && kind.kind() == TokenKind.WORD ? new Statement.Known("create " + kind.text()) : null;
    }

    private Statement createTable(TokenCursor in, boolean temporary) {
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        QualifiedName table = in.qualifiedName();
        if (in.acceptWord("partition")) {
            in.expectWord("of");
            in.qualifiedName();
            List<ColumnDefinition> columns = new ArrayList<>();
            List<TableConstraint> constraints = new ArrayList<>();
            if (in.peek(TokenKind.LEFT_PAREN)) {
                in.skipParenthesized(); // column options and constraints; the columns come from the parent
            }
            return new Statement.CreateTable(table, ifNotExists, temporary, columns, constraints, true);
        }
        if (in.peekWord("as") || in.peekWord("of")) {
            return new Statement.Known("create table as");
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        tableElements(in, columns, constraints);
        return new Statement.CreateTable(table, ifNotExists, temporary, columns, constraints, false);
    }

    private void tableElements(TokenCursor in, List<ColumnDefinition> columns, List<TableConstraint> constraints) {
        in.expect(TokenKind.LEFT_PAREN);
        while (!in.accept(TokenKind.RIGHT_PAREN)) {
            if (in.peekWordIn(TABLE_CONSTRAINT_WORDS)) {
                constraints.add(tableConstraint(in));
            } else if (in.acceptWord("like")) {
                in.skipItem();
            } else {
                ColumnDefinition column = columnDefinition(in);
                columns.add(column);
            }
            in.accept(TokenKind.COMMA);
        }
    }

    private ColumnDefinition columnDefinition(TokenCursor in) {
        String name = in.name();
        TypeName type = typeName(in);
        boolean notNull = false;
        Optional<DefaultValue> defaultValue = Optional.empty();
        boolean primaryKey = false;
        boolean unique = false;
        Optional<QualifiedName> references = Optional.empty();
        boolean check = false;
        boolean identity = false;
        boolean generatedStored = false;
        boolean generatedVirtual = false;
        while (!in.atEnd() && !in.peek(TokenKind.COMMA) && !in.peek(TokenKind.RIGHT_PAREN)) {
            if (in.acceptWord("constraint")) {
                in.name();
            } else if (in.acceptWords("not", "null")) {
                notNull = true;
            } else if (in.acceptWord("null")) {
                notNull = false;
            } else if (in.acceptWord("default")) {
                defaultValue = Optional.of(defaultValue(in));
            } else if (in.acceptWords("primary", "key")) {
                primaryKey = true;
                notNull = true;
            } else if (in.acceptWord("unique")) {
                unique = true;
                in.acceptWords("nulls", "not", "distinct");
                in.acceptWords("nulls", "distinct");
            } else if (in.acceptWord("check")) {
                check = true;
                in.skipParenthesized();
                in.acceptWords("no", "inherit");
            } else if (in.acceptWord("references")) {
                references = Optional.of(in.qualifiedName());
                skipReferenceClauses(in);
            } else if (in.acceptWord("generated")) {
                if (in.acceptWord("always")) {
                    in.expectWord("as");
                } else {
                    in.expectWord("by");
                    in.expectWord("default");
                    in.expectWord("as");
                }
                if (in.acceptWord("identity")) {
                    identity = true;
                    notNull = true;
                    if (in.peek(TokenKind.LEFT_PAREN)) {
                        in.skipParenthesized();
                    }
                } else {
                    in.skipParenthesized();
                    generatedStored = in.acceptWord("stored");
                    generatedVirtual = !generatedStored; // VIRTUAL, written or (PostgreSQL 18+) implied
                }
            } else if (in.acceptWord("collate")) {
                in.qualifiedName();
            } else {
                in.next(); // DEFERRABLE, INITIALLY DEFERRED, COMPRESSION x, STORAGE x ...
            }
        }
        return new ColumnDefinition(name, type, notNull, defaultValue, primaryKey, unique, references, check,
                identity, generatedStored, generatedVirtual);
    }

    private static void skipReferenceClauses(TokenCursor in) {
        if (in.peek(TokenKind.LEFT_PAREN)) {
            in.skipParenthesized();
        }
        while (true) {
            if (in.acceptWord("match")) {
                in.next();
            } else if (in.acceptWord("on")) {
                in.next(); // DELETE or UPDATE
                if (in.acceptWord("set")) {
                    in.next();
                    if (in.peek(TokenKind.LEFT_PAREN)) {
                        in.skipParenthesized();
                    }
                } else if (!in.acceptWords("no", "action")) {
                    in.next(); // CASCADE, RESTRICT
                }
            } else {
                return;
            }
        }
    }

    /** Words that continue a type name: double precision, character varying, timestamp with time zone, interval day to second. */
    private static final Set<String> TYPE_NAME_CONTINUATIONS = Set.of(
            "precision", "varying", "with", "without", "time", "zone", "to", "year", "month", "day", "hour", "minute", "second");

    /** Reads a type name up to the first column-constraint keyword or the end of the item. */
    static TypeName typeName(TokenCursor in) {
        StringBuilder name = new StringBuilder();
        List<String> modifiers = new ArrayList<>();
        boolean array = false;
        while (!in.atEnd()) {
            Token token = in.peek();
            if (token.kind() == TokenKind.WORD && COLUMN_CONSTRAINT_WORDS.contains(token.text())
                    || token.kind() == TokenKind.COMMA || token.kind() == TokenKind.RIGHT_PAREN
                    || token.kind() == TokenKind.SEMICOLON || token.isWord("using")) {
                break;
            }
            if (token.kind() == TokenKind.LEFT_PAREN) {
                List<Token> inside = parenthesized(in);
                if (modifiers.isEmpty()) {
                    modifiers = splitModifiers(inside);
                }
            } else if (token.kind() == TokenKind.LEFT_BRACKET) {
                in.next();
                while (!in.accept(TokenKind.RIGHT_BRACKET)) {
                    in.next();
                }
                array = true;
            } else if (token.isWord("array")) {
                in.next();
                array = true;
            } else if (token.kind() == TokenKind.DOT) {
                in.next();
                name.append('.');
            } else if (token.isName() && (name.isEmpty() || name.charAt(name.length() - 1) == '.'
                    || token.kind() == TokenKind.WORD && TYPE_NAME_CONTINUATIONS.contains(token.text()))) {
                in.next();
                if (!name.isEmpty() && name.charAt(name.length() - 1) != '.') {
                    name.append(' ');
                }
                name.append(token.text());
            } else {
                break;
            }
        }
        if (name.isEmpty()) {
            throw new RecognitionException("expected a type name");
        }
        return new TypeName(name.toString(), modifiers, array);
    }

    private static List<Token> parenthesized(TokenCursor in) {
        in.expect(TokenKind.LEFT_PAREN);
        List<Token> inside = new ArrayList<>();
        int depth = 1;
        while (true) {
            Token token = in.next();
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN && --depth == 0) {
                return inside;
            }
            inside.add(token);
        }
    }

    private static List<String> splitModifiers(List<Token> inside) {
        List<String> modifiers = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Token token : inside) {
            if (token.kind() == TokenKind.COMMA) {
                modifiers.add(current.toString());
                current.setLength(0);
            } else {
                current.append(token.text());
            }
        }
        modifiers.add(current.toString());
        return modifiers;
    }

    private static DefaultValue defaultValue(TokenCursor in) {
        List<Token> expression = new ArrayList<>();
        int depth = 0;
        while (!in.atEnd()) {
            Token token = in.peek();
            if (depth == 0) {
                if (token.kind() == TokenKind.COMMA || token.kind() == TokenKind.RIGHT_PAREN
                        || token.kind() == TokenKind.SEMICOLON) {
                    break;
                }
                if (token.kind() == TokenKind.WORD && !expression.isEmpty()
                        && (Set.of("constraint", "primary", "unique", "check", "references", "generated", "collate")
                                .contains(token.text())
                            || token.isWord("not") && in.peekWord(1, "null")
                            || token.isWord("null"))) {
                    break;
                }
            }
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN) {
                depth--;
            }
            expression.add(in.next());
        }
        return DefaultValues.classify(expression, in.textOf(expression));
    }

    private TableConstraint tableConstraint(TokenCursor in) {
        Optional<String> name = Optional.empty();
        if (in.acceptWord("constraint")) {
            name = Optional.of(in.name());
        }
        boolean notValid = in.itemContainsWords("not", "valid");
        TableConstraint constraint;
        if (in.acceptWords("primary", "key")) {
            constraint = keyConstraint(in, name, TableConstraint.Kind.PRIMARY_KEY, notValid);
        } else if (in.acceptWord("unique")) {
            in.acceptWords("nulls", "not", "distinct");
            in.acceptWords("nulls", "distinct");
            constraint = keyConstraint(in, name, TableConstraint.Kind.UNIQUE, notValid);
        } else if (in.acceptWord("check")) {
            String expression = in.textOf(parenthesized(in));
            constraint = new TableConstraint(name, TableConstraint.Kind.CHECK, List.of(), Optional.empty(), notValid,
                    Optional.empty(), expression);
        } else if (in.acceptWords("foreign", "key")) {
            List<String> columns = in.parenthesizedNames();
            in.expectWord("references");
            QualifiedName target = in.qualifiedName();
            constraint = new TableConstraint(name, TableConstraint.Kind.FOREIGN_KEY, columns, Optional.empty(), notValid,
                    Optional.of(target), "");
        } else if (in.acceptWord("exclude")) {
            constraint = new TableConstraint(name, TableConstraint.Kind.EXCLUSION, List.of(), Optional.empty(), notValid,
                    Optional.empty(), "");
        } else if (in.acceptWords("not", "null")) {
            constraint = new TableConstraint(name, TableConstraint.Kind.NOT_NULL, List.of(in.name()), Optional.empty(),
                    notValid, Optional.empty(), "");
        } else {
            throw new RecognitionException("unknown constraint form at " + TokenCursor.describe(in.peek()));
        }
        in.skipItem();
        return constraint;
    }

    private static TableConstraint keyConstraint(TokenCursor in, Optional<String> name, TableConstraint.Kind kind, boolean notValid) {
        if (in.acceptWords("using", "index")) {
            return new TableConstraint(name, kind, List.of(), Optional.of(in.name()), notValid, Optional.empty(), "");
        }
        return new TableConstraint(name, kind, in.parenthesizedNames(), Optional.empty(), notValid, Optional.empty(), "");
    }

    private Statement createIndex(TokenCursor in) {
        boolean unique = in.acceptWord("unique");
        in.expectWord("index");
        boolean concurrently = in.acceptWord("concurrently");
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        Optional<String> name = Optional.empty();
        if (!in.peekWord("on")) {
            name = Optional.of(in.name());
        }
        in.expectWord("on");
        in.acceptWord("only");
        QualifiedName table = in.qualifiedName();
        if (in.acceptWord("using")) {
            in.name();
        }
        List<String> columns = in.parenthesizedNames();
        boolean partial = in.containsTopLevelWord("where");
        return new Statement.CreateIndex(name, table, unique, concurrently, ifNotExists, columns, partial);
    }

    // ---- ALTER --------------------------------------------------------------------------------

    private Statement alter(TokenCursor in) {
        in.expectWord("alter");
        if (in.acceptWord("table")) {
            return alterTable(in);
        }
        if (in.acceptWord("type")) {
            QualifiedName type = in.qualifiedName();
            if (in.acceptWords("add", "value")) {
                in.acceptWords("if", "not", "exists");
                Token value = in.next();
                return new Statement.AlterTypeAddValue(type, value.text());
            }
            return new Statement.Known("alter type");
        }
        if (in.acceptWord("domain")) {
            QualifiedName domain = in.qualifiedName();
            if (in.acceptWord("add")) {
                return new Statement.AlterDomainAddConstraint(domain, in.itemContainsWords("not", "valid"));
            }
            return new Statement.Known("alter domain");
        }
        if (in.acceptWord("system")) {
            return new Statement.NonTransactionalCommand("ALTER SYSTEM");
        }
        Token kind = in.peek();
        return kind != null && kind.kind() == TokenKind.WORD ? new Statement.Known("alter " + kind.text()) : null;
    }

    private Statement alterTable(TokenCursor in) {
        if (in.peekWord("all")) {
            return new Statement.Known("alter table all in tablespace");
        }
        boolean ifExists = in.acceptWords("if", "exists");
        in.acceptWord("only");
        QualifiedName table = in.qualifiedName();
        in.accept(TokenKind.OPERATOR); // ONLY-less inheritance marker "*"
        List<AlterAction> actions = new ArrayList<>();
        do {
            actions.add(alterAction(in));
        } while (in.accept(TokenKind.COMMA));
        if (!in.atEnd()) {
            throw new RecognitionException("unexpected " + TokenCursor.describe(in.peek()) + " after ALTER TABLE action");
        }
        return new Statement.AlterTable(table, ifExists, actions);
    }

    private AlterAction alterAction(TokenCursor in) {
        int offset = in.offset();
        if (in.acceptWord("add")) {
            if (in.peekWordIn(TABLE_CONSTRAINT_WORDS)) {
                return new AlterAction.AddConstraint(offset, tableConstraint(in));
            }
            in.acceptWord("column");
            boolean ifNotExists = in.acceptWords("if", "not", "exists");
            return new AlterAction.AddColumn(offset, columnDefinition(in), ifNotExists);
        }
        if (in.acceptWord("drop")) {
            if (in.acceptWord("constraint")) {
                boolean ifExists = in.acceptWords("if", "exists");
                String name = in.name();
                boolean cascade = in.acceptWord("cascade");
                in.acceptWord("restrict");
                return new AlterAction.DropConstraint(offset, name, ifExists, cascade);
            }
            in.acceptWord("column");
            boolean ifExists = in.acceptWords("if", "exists");
            String column = in.name();
            boolean cascade = in.acceptWord("cascade");
            in.acceptWord("restrict");
            return new AlterAction.DropColumn(offset, column, ifExists, cascade);
        }
        if (in.acceptWord("alter")) {
            in.acceptWord("column");
            String column = in.name();
            return alterColumn(in, offset, column);
        }
        if (in.acceptWords("validate", "constraint")) {
            return new AlterAction.ValidateConstraint(offset, in.name());
        }
        if (in.acceptWord("rename")) {
            if (in.acceptWord("to")) {
                return new AlterAction.RenameTable(offset, in.name());
            }
            if (in.acceptWord("constraint")) {
                String from = in.name();
                in.expectWord("to");
                return new AlterAction.RenameConstraint(offset, from, in.name());
            }
            in.acceptWord("column");
            String from = in.name();
            in.expectWord("to");
            return new AlterAction.RenameColumn(offset, from, in.name());
        }
        if (in.acceptWord("set")) {
            if (in.acceptWord("logged")) {
                return new AlterAction.RewriteTable(offset, "SET LOGGED");
            }
            if (in.acceptWord("unlogged")) {
                return new AlterAction.RewriteTable(offset, "SET UNLOGGED");
            }
            if (in.acceptWord("tablespace")) {
                in.name();
                in.acceptWord("nowait");
                return new AlterAction.RewriteTable(offset, "SET TABLESPACE");
            }
            if (in.acceptWords("access", "method")) {
                in.name();
                return new AlterAction.RewriteTable(offset, "SET ACCESS METHOD");
            }
            if (in.acceptWord("schema")) {
                return new AlterAction.SetSchema(offset, in.name());
            }
            in.skipItem();
            return new AlterAction.Other(offset, "SET");
        }
        if (in.acceptWords("detach", "partition")) {
            QualifiedName partition = in.qualifiedName();
            boolean concurrently = in.acceptWord("concurrently");
            boolean finalizing = in.acceptWord("finalize");
            return new AlterAction.DetachPartition(offset, partition, concurrently, finalizing);
        }
        if (in.acceptWords("attach", "partition")) {
            QualifiedName partition = in.qualifiedName();
            in.skipItem();
            return new AlterAction.AttachPartition(offset, partition);
        }
        Token head = in.next();
        in.skipItem();
        return new AlterAction.Other(offset, head.text().toUpperCase());
    }

    private AlterAction alterColumn(TokenCursor in, int offset, String column) {
        if (in.acceptWords("set", "data", "type") || in.acceptWord("type")) {
            TypeName type = typeName(in);
            if (in.acceptWord("collate")) {
                in.qualifiedName();
            }
            boolean using = in.acceptWord("using");
            in.skipItem();
            return new AlterAction.AlterColumnType(offset, column, type, using);
        }
        if (in.acceptWords("set", "not", "null")) {
            return new AlterAction.SetNotNull(offset, column);
        }
        if (in.acceptWords("drop", "not", "null")) {
            return new AlterAction.DropNotNull(offset, column);
        }
        if (in.acceptWords("set", "default")) {
            return new AlterAction.SetDefault(offset, column, defaultValue(in));
        }
        if (in.acceptWords("drop", "default")) {
            return new AlterAction.DropDefault(offset, column);
        }
        in.skipItem();
        return new AlterAction.Other(offset, "ALTER COLUMN");
    }

    // ---- DROP, TRUNCATE -----------------------------------------------------------------------

    private static final List<String> DROP_OBJECT_TYPES = List.of(
            "materialized view", "foreign table", "table", "view", "schema", "database", "type", "domain",
            "function", "procedure", "sequence", "extension", "trigger", "policy", "role", "user", "tablespace",
            "aggregate", "collation", "conversion", "rule", "publication", "subscription", "server", "owned",
            "operator", "cast", "language", "event trigger", "text search", "statistics", "routine", "group",
            "access method", "foreign data wrapper", "user mapping", "transform", "procedural language");

    private Statement drop(TokenCursor in) {
        in.expectWord("drop");
        if (in.acceptWord("index")) {
            boolean concurrently = in.acceptWord("concurrently");
            boolean ifExists = in.acceptWords("if", "exists");
            List<QualifiedName> names = nameList(in);
            boolean cascade = in.acceptWord("cascade");
            return new Statement.DropIndex(names, concurrently, ifExists, cascade);
        }
        for (String type : DROP_OBJECT_TYPES) {
            if (in.acceptWords(type.split(" "))) {
                if (Set.of("trigger", "policy", "rule", "owned", "cast", "operator", "aggregate", "user mapping",
                        "text search", "function", "procedure", "routine", "procedural language").contains(type)) {
                    return new Statement.Known("drop " + type); // names need ON table or signatures: not judged
                }
                boolean ifExists = in.acceptWords("if", "exists");
                List<QualifiedName> names = nameList(in);
                boolean cascade = in.containsTopLevelWord("cascade");
                return new Statement.Drop(type, names, ifExists, cascade);
            }
        }
        return null;
    }

    private static List<QualifiedName> nameList(TokenCursor in) {
        List<QualifiedName> names = new ArrayList<>();
        do {
            in.acceptWord("only");
            names.add(in.qualifiedName());
            in.accept(TokenKind.OPERATOR); // "*"
        } while (in.accept(TokenKind.COMMA));
        return names;
    }

    private Statement truncate(TokenCursor in) {
        in.expectWord("truncate");
        in.acceptWord("table");
        List<QualifiedName> tables = nameList(in);
        return new Statement.Truncate(tables, in.containsTopLevelWord("cascade"));
    }

    // ---- DML ----------------------------------------------------------------------------------

    private Statement update(TokenCursor in) {
        in.expectWord("update");
        in.acceptWord("only");
        QualifiedName table = in.qualifiedName();
        return new Statement.Update(table, in.containsTopLevelWord("where"));
    }

    private Statement delete(TokenCursor in) {
        in.expectWord("delete");
        in.expectWord("from");
        in.acceptWord("only");
        QualifiedName table = in.qualifiedName();
        return new Statement.Delete(table, in.containsTopLevelWord("where"));
    }

    /** WITH ... then the main statement: the common table expressions are skipped. */
    private Statement withQuery(TokenCursor in) {
        in.expectWord("with");
        in.acceptWord("recursive");
        do {
            in.name();
            if (in.peek(TokenKind.LEFT_PAREN)) {
                in.skipParenthesized();
            }
            in.expectWord("as");
            in.acceptWord("not");
            in.acceptWord("materialized");
            in.skipParenthesized();
        } while (in.accept(TokenKind.COMMA));
        Token main = in.peek();
        if (main == null) {
            return null;
        }
        if (main.isWord("update")) {
            return update(in);
        }
        if (main.isWord("delete")) {
            return delete(in);
        }
        return main.kind() == TokenKind.WORD ? new Statement.Known(main.text()) : null;
    }

    // ---- Transactions, settings, maintenance ---------------------------------------------------

    private Statement transaction(TokenCursor in) {
        Token head = in.next();
        Statement.Transaction.Control control = switch (head.text()) {
            case "begin" -> Statement.Transaction.Control.BEGIN;
            case "start" -> {
                in.expectWord("transaction");
                yield Statement.Transaction.Control.BEGIN;
            }
            case "commit", "end" -> in.acceptWord("prepared")
                    ? Statement.Transaction.Control.COMMIT_PREPARED : Statement.Transaction.Control.COMMIT;
            case "rollback", "abort" -> {
                if (in.acceptWord("prepared")) {
                    yield Statement.Transaction.Control.ROLLBACK_PREPARED;
                }
                in.acceptWord("work");
                in.acceptWord("transaction");
                yield in.peekWord("to") ? Statement.Transaction.Control.ROLLBACK_TO : Statement.Transaction.Control.ROLLBACK;
            }
            case "savepoint" -> Statement.Transaction.Control.SAVEPOINT;
            case "release" -> Statement.Transaction.Control.RELEASE;
            default -> throw new RecognitionException("not a transaction command");
        };
        return new Statement.Transaction(control);
    }

    private Statement set(TokenCursor in) {
        if (in.acceptWord("reset")) {
            return new Statement.SetParameter(in.atEnd() ? "all" : in.name(), "", false);
        }
        in.expectWord("set");
        boolean local = in.acceptWord("local");
        in.acceptWord("session");
        if (in.peekWord("transaction") || in.peekWord("constraints") || in.peekWord("role")
                || in.peekWord("time") || in.peekWord("characteristics")) {
            return new Statement.Known("set " + in.next().text());
        }
        String parameter = in.qualifiedName().key();
        if (!in.acceptWord("to")) {
            in.accept(TokenKind.OPERATOR);
        }
        StringBuilder value = new StringBuilder();
        while (!in.atEnd()) {
            if (!value.isEmpty()) {
                value.append(' ');
            }
            value.append(in.next().text());
        }
        return new Statement.SetParameter(parameter, value.toString(), local);
    }

    private Statement reindex(TokenCursor in) {
        in.expectWord("reindex");
        boolean concurrently = false;
        if (in.peek(TokenKind.LEFT_PAREN)) {
            int start = in.position();
            concurrently = in.parenthesizedNames().contains("concurrently");
            if (!concurrently) {
                in.reset(start);
                in.skipParenthesized();
            }
        }
        String target = in.name();
        concurrently |= in.acceptWord("concurrently");
        QualifiedName name = in.atEnd() ? QualifiedName.of("") : in.qualifiedName();
        return new Statement.Reindex(target, name, concurrently);
    }

    private Statement vacuum(TokenCursor in) {
        in.expectWord("vacuum");
        boolean full = false;
        if (in.peek(TokenKind.LEFT_PAREN)) {
            full = in.parenthesizedNames().contains("full");
        } else {
            while (in.peekWordIn(Set.of("full", "freeze", "verbose", "analyze"))) {
                full |= in.next().isWord("full");
            }
        }
        List<QualifiedName> tables = in.atEnd() ? List.of() : nameList(in);
        return new Statement.Vacuum(full, tables);
    }

    private Statement cluster(TokenCursor in) {
        in.expectWord("cluster");
        in.acceptWord("verbose");
        if (in.peek(TokenKind.LEFT_PAREN)) {
            in.skipParenthesized();
        }
        return new Statement.Cluster(in.atEnd() ? Optional.empty() : Optional.of(in.qualifiedName()));
    }

    private Statement refresh(TokenCursor in) {
        in.expectWord("refresh");
        in.expectWord("materialized");
        in.expectWord("view");
        boolean concurrently = in.acceptWord("concurrently");
        return new Statement.RefreshMaterializedView(in.qualifiedName(), concurrently);
    }
}
