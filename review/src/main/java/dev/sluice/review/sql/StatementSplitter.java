package dev.sluice.review.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a PostgreSQL migration into statements the way psql and the server read it: a semicolon
 * ends a statement only outside strings ({@code '...'}, {@code E'...'} with backslash escapes,
 * {@code $tag$...$tag$}), quoted identifiers, comments (block comments nest), parentheses and
 * the body of a {@code CREATE FUNCTION ... BEGIN ATOMIC ... END}. Every token keeps its offset,
 * so findings point at exact lines and columns. Never throws on any input.
 */
public final class StatementSplitter {

    private final String text;
    private final int length;
    private int position;

    private final List<SqlStatement> statements = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<PsqlMetaCommand> metaCommands = new ArrayList<>();
    private final List<LexicalProblem> problems = new ArrayList<>();

    private List<Token> current = new ArrayList<>();
    private int parenDepth;
    /** Inside CREATE FUNCTION/PROCEDURE ... BEGIN ATOMIC: how many BEGIN/CASE blocks are open. */
    private int atomicDepth;

    private StatementSplitter(String text) {
        this.text = text;
        this.length = text.length();
    }

    public static SplitFile split(String text) {
        return new StatementSplitter(text).run();
    }

    private SplitFile run() {
        while (position < length) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '-' && peek(1) == '-') {
                lineComment();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == ';') {
                add(TokenKind.SEMICOLON, position, position + 1, ";");
                position++;
                if (parenDepth == 0 && atomicDepth == 0) {
                    finishStatement();
                }
            } else if (c == '\\') {
                metaCommand();
            } else {
                token(c);
            }
        }
        finishStatement();
        return new SplitFile(new SourceText(text), statements, comments, metaCommands, problems);
    }

    private void token(char c) {
        int start = position;
        if (c == '\'') {
            quotedString(start, false);
        } else if (c == '"') {
            quotedIdentifier(start);
        } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
            position++;
            quotedString(start, true);
        } else if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && peek(1) == '\'') {
            position++;
            quotedString(start, false);
        } else if ((c == 'u' || c == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            position += 2;
            if (text.charAt(position) == '\'') {
                quotedString(start, false);
            } else {
                quotedIdentifier(start);
            }
        } else if (c == '$' && isDigit(peek(1))) {
            position++;
            while (position < length && isDigit(text.charAt(position))) {
                position++;
            }
            add(TokenKind.PARAMETER, start, position, text.substring(start, position));
        } else if (c == '$' && dollarQuoteTagEnd(position) > 0) {
            dollarQuoted(start);
        } else if (isIdentifierStart(c)) {
            word(start);
        } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            number(start);
        } else {
            punctuationOrOperator(start, c);
        }
    }

    private void word(int start) {
        position++;
        while (position < length && isIdentifierPart(text.charAt(position))) {
            position++;
        }
        String word = text.substring(start, position).toLowerCase(Locale.ROOT);
        add(TokenKind.WORD, start, position, word);
        trackAtomicBody(word);
    }

    /**
     * psql's rule for SQL-standard function bodies: after CREATE FUNCTION/PROCEDURE, a BEGIN opens
     * a block in which semicolons do not end the statement; BEGIN and CASE nest, END closes.
     */
    private void trackAtomicBody(String word) {
        if (atomicDepth > 0) {
            if (word.equals("begin") || word.equals("case")) {
                atomicDepth++;
            } else if (word.equals("end")) {
                atomicDepth--;
            }
        } else if (word.equals("begin") && startsFunctionDefinition()) {
            atomicDepth = 1;
        }
    }

    private boolean startsFunctionDefinition() {
        if (current.size() < 3 || !current.getFirst().isWord("create")) {
            return false;
        }
        int i = 1;
        if (current.get(i).isWord("or") && current.size() > i + 2 && current.get(i + 1).isWord("replace")) {
            i += 2;
        }
        Token kind = current.get(i);
        return kind.isWord("function") || kind.isWord("procedure");
    }

    private void number(int start) {
        position++;
        while (position < length) {
            char c = text.charAt(position);
            if (isDigit(c) || c == '_' || Character.isLetter(c)) {
                position++;
            } else if (c == '.' && peek(1) != '.') {
                position++;
            } else if ((c == '+' || c == '-') && (text.charAt(position - 1) == 'e' || text.charAt(position - 1) == 'E')) {
                position++;
            } else {
                break;
            }
        }
        add(TokenKind.NUMBER, start, position, text.substring(start, position));
    }

    private void punctuationOrOperator(int start, char c) {
        TokenKind kind = switch (c) {
            case '(' -> TokenKind.LEFT_PAREN;
            case ')' -> TokenKind.RIGHT_PAREN;
            case '[' -> TokenKind.LEFT_BRACKET;
            case ']' -> TokenKind.RIGHT_BRACKET;
            case ',' -> TokenKind.COMMA;
            case '.' -> TokenKind.DOT;
            default -> null;
        };
        if (kind != null) {
            position++;
            if (kind == TokenKind.LEFT_PAREN) {
                parenDepth++;
            } else if (kind == TokenKind.RIGHT_PAREN && parenDepth > 0) {
                parenDepth--;
            }
            add(kind, start, position, String.valueOf(c));
            return;
        }
        if (c == ':' && peek(1) != ':') {
            position++;
            add(TokenKind.COLON, start, position, ":");
            return;
        }
        if (c == ':') {
            position += 2;
            add(TokenKind.OPERATOR, start, position, "::");
            return;
        }
        if (isOperatorChar(c)) {
            position++;
            while (position < length && isOperatorChar(text.charAt(position))
                    && !(text.charAt(position) == '-' && peek(1) == '-')
                    && !(text.charAt(position) == '/' && peek(1) == '*')) {
                position++;
            }
            add(TokenKind.OPERATOR, start, position, text.substring(start, position));
            return;
        }
        // Anything else (a stray character): keep it as a one-character operator so nothing is lost.
        position++;
        add(TokenKind.OPERATOR, start, position, String.valueOf(c));
    }

    private void quotedString(int start, boolean backslashEscapes) {
        position++; // opening quote
        StringBuilder content = new StringBuilder();
        while (position < length) {
            char c = text.charAt(position);
            if (c == '\\' && backslashEscapes && position + 1 < length) {
                content.append(text.charAt(position + 1));
                position += 2;
            } else if (c == '\'') {
                if (peek(1) == '\'') {
                    content.append('\'');
                    position += 2;
                } else {
                    position++;
                    add(TokenKind.STRING, start, position, content.toString());
                    return;
                }
            } else {
                content.append(c);
                position++;
            }
        }
        problems.add(new LexicalProblem(start, "string constant is never closed"));
        add(TokenKind.STRING, start, length, content.toString());
    }

    private void quotedIdentifier(int start) {
        position++;
        StringBuilder name = new StringBuilder();
        while (position < length) {
            char c = text.charAt(position);
            if (c == '"') {
                if (peek(1) == '"') {
                    name.append('"');
                    position += 2;
                } else {
                    position++;
                    add(TokenKind.QUOTED_IDENTIFIER, start, position, name.toString());
                    return;
                }
            } else {
                name.append(c);
                position++;
            }
        }
        problems.add(new LexicalProblem(start, "quoted identifier is never closed"));
        add(TokenKind.QUOTED_IDENTIFIER, start, length, name.toString());
    }

    /** Returns the offset just past a dollar-quote tag starting at {@code at} ({@code $$} or {@code $tag$}), or -1. */
    private int dollarQuoteTagEnd(int at) {
        int i = at + 1;
        if (i < length && text.charAt(i) == '$') {
            return i + 1;
        }
        if (i >= length || !isIdentifierStart(text.charAt(i)) || text.charAt(i) == '$') {
            return -1;
        }
        while (i < length && isIdentifierPart(text.charAt(i)) && text.charAt(i) != '$') {
            i++;
        }
        return i < length && text.charAt(i) == '$' ? i + 1 : -1;
    }

    private void dollarQuoted(int start) {
        int tagEnd = dollarQuoteTagEnd(start);
        String tag = text.substring(start, tagEnd);
        int close = text.indexOf(tag, tagEnd);
        if (close < 0) {
            problems.add(new LexicalProblem(start, "dollar-quoted string " + tag + " is never closed"));
            position = length;
            add(TokenKind.STRING, start, length, text.substring(tagEnd));
            return;
        }
        position = close + tag.length();
        add(TokenKind.STRING, start, position, text.substring(tagEnd, close));
    }

    private void lineComment() {
        int start = position;
        int newline = text.indexOf('\n', position);
        position = newline < 0 ? length : newline;
        comments.add(new Comment(start, position, text.substring(start + 2, position).strip(), true));
    }

    private void blockComment() {
        int start = position;
        int depth = 0;
        while (position < length) {
            if (text.charAt(position) == '/' && peek(1) == '*') {
                depth++;
                position += 2;
            } else if (text.charAt(position) == '*' && peek(1) == '/') {
                depth--;
                position += 2;
                if (depth == 0) {
                    comments.add(new Comment(start, position, text.substring(start + 2, position - 2).strip(), false));
                    return;
                }
            } else {
                position++;
            }
        }
        problems.add(new LexicalProblem(start, "block comment is never closed"));
        comments.add(new Comment(start, length, text.substring(start + 2), false));
    }

    /** psql reads a backslash command to the end of the line; what came before it on the statement is sent first. */
    private void metaCommand() {
        int start = position;
        int newline = text.indexOf('\n', position);
        position = newline < 0 ? length : newline;
        String command = text.substring(start, position).strip();
        if (command.startsWith("\\\\")) {
            return; // "\\" only separates commands on one line
        }
        finishStatement();
        metaCommands.add(new PsqlMetaCommand(start, position, command));
    }

    private void finishStatement() {
        if (!current.isEmpty()) {
            Token first = current.getFirst();
            Token last = current.getLast();
            if (!(current.size() == 1 && first.kind() == TokenKind.SEMICOLON)) {
                statements.add(new SqlStatement(statements.size(), first.start(), last.end(), current));
            }
            current = new ArrayList<>();
        }
        parenDepth = 0;
        atomicDepth = 0;
    }

    private void add(TokenKind kind, int start, int end, String value) {
        current.add(new Token(kind, start, end, value));
    }

    private char peek(int ahead) {
        int at = position + ahead;
        return at < length ? text.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isOperatorChar(char c) {
        return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
    }
}
