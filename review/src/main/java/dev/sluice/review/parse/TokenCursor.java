package dev.sluice.review.parse;

import dev.sluice.review.model.QualifiedName;
import dev.sluice.review.sql.Token;
import dev.sluice.review.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Walks the tokens of one statement, with the small look-ahead helpers the recognizer needs. */
final class TokenCursor {

    private final List<Token> tokens;
    private final String text;
    private final int base;
    private int index;

    /** {@code text} is the statement as written, starting at file offset {@code base}. */
    TokenCursor(List<Token> tokens, String text, int base) {
        this.tokens = tokens;
        this.text = text;
        this.base = base;
    }

    /** The source text a run of tokens was read from, as written. */
    String textOf(List<Token> run) {
        if (run.isEmpty()) {
            return "";
        }
        int from = run.getFirst().start() - base;
        int to = run.getLast().end() - base;
        if (from < 0 || to > text.length() || from > to) {
            return "";
        }
        return text.substring(from, to);
    }

    boolean atEnd() {
        return index >= tokens.size();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int at = index + ahead;
        return at < tokens.size() ? tokens.get(at) : null;
    }

    Token next() {
        if (atEnd()) {
            throw new RecognitionException("statement ends too early");
        }
        return tokens.get(index++);
    }

    int position() {
        return index;
    }

    void reset(int position) {
        index = position;
    }

    /** Offset in the file of the current token (or of the end of the statement). */
    int offset() {
        if (atEnd()) {
            return tokens.isEmpty() ? 0 : tokens.getLast().end();
        }
        return tokens.get(index).start();
    }

    boolean peekWord(String word) {
        Token token = peek();
        return token != null && token.isWord(word);
    }

    boolean peekWord(int ahead, String word) {
        Token token = peek(ahead);
        return token != null && token.isWord(word);
    }

    boolean peekWordIn(Set<String> words) {
        Token token = peek();
        return token != null && token.kind() == TokenKind.WORD && words.contains(token.text());
    }

    boolean peek(TokenKind kind) {
        Token token = peek();
        return token != null && token.kind() == kind;
    }

    boolean acceptWord(String word) {
        if (peekWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** Accepts the whole sequence of words, or nothing. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peekWord(i, words[i])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    void expectWord(String word) {
        if (!acceptWord(word)) {
            throw new RecognitionException("expected " + word.toUpperCase() + " at " + describe(peek()));
        }
    }

    boolean accept(TokenKind kind) {
        if (peek(kind)) {
            index++;
            return true;
        }
        return false;
    }

    void expect(TokenKind kind) {
        if (!accept(kind)) {
            throw new RecognitionException("expected " + kind + " at " + describe(peek()));
        }
    }

    /** A single identifier, quoted or not. */
    String name() {
        Token token = peek();
        if (token == null || !token.isName()) {
            throw new RecognitionException("expected a name at " + describe(token));
        }
        index++;
        return token.text();
    }

    /** {@code name}, {@code schema.name} or {@code database.schema.name} (the database part is dropped). */
    QualifiedName qualifiedName() {
        List<String> parts = new ArrayList<>();
        parts.add(name());
        while (peek(TokenKind.DOT) && peek(1) != null && peek(1).isName()) {
            index++;
            parts.add(name());
        }
        return parts.size() == 1
                ? QualifiedName.of(parts.getFirst())
                : new QualifiedName(parts.get(parts.size() - 2), parts.getLast());
    }

    /** {@code ( name [, name ...] )}; expressions inside are kept as their first name or skipped. */
    List<String> parenthesizedNames() {
        expect(TokenKind.LEFT_PAREN);
        List<String> names = new ArrayList<>();
        int depth = 1;
        boolean startOfItem = true;
        while (depth > 0) {
            Token token = next();
            switch (token.kind()) {
                case LEFT_PAREN -> depth++;
                case RIGHT_PAREN -> depth--;
                case COMMA -> {
                    if (depth == 1) {
                        startOfItem = true;
                        continue;
                    }
                }
                default -> {
                    if (depth == 1 && startOfItem && token.isName()) {
                        names.add(token.text());
                    }
                }
            }
            startOfItem = false;
        }
        return names;
    }

    /** Skips a balanced parenthesised group starting at the current {@code (}. */
    void skipParenthesized() {
        expect(TokenKind.LEFT_PAREN);
        int depth = 1;
        while (depth > 0) {
            TokenKind kind = next().kind();
            if (kind == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (kind == TokenKind.RIGHT_PAREN) {
                depth--;
            }
        }
    }

    /** Whether a word appears at parenthesis depth 0 from here to the end (the cursor does not move). */
    boolean containsTopLevelWord(String word) {
        int depth = 0;
        for (int i = index; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN) {
                depth--;
            } else if (depth == 0 && token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words appear in sequence at depth 0 between here and the end of the current item (a top-level comma). */
    boolean itemContainsWords(String... words) {
        int depth = 0;
        for (int i = index; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && token.kind() == TokenKind.COMMA) {
                return false;
            } else if (depth == 0 && token.isWord(words[0]) && matchesAt(i, words)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(int at, String... words) {
        for (int j = 0; j < words.length; j++) {
            if (at + j >= tokens.size() || !tokens.get(at + j).isWord(words[j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Collects tokens up to (not including) a top-level comma, a closing parenthesis of the
     * enclosing group, or a word in {@code stopWords} at depth 0.
     */
    List<Token> untilItemEnd(Set<String> stopWords) {
        List<Token> collected = new ArrayList<>();
        int depth = 0;
        while (!atEnd()) {
            Token token = peek();
            if (depth == 0 && (token.kind() == TokenKind.COMMA || token.kind() == TokenKind.RIGHT_PAREN
                    || token.kind() == TokenKind.SEMICOLON
                    || (token.kind() == TokenKind.WORD && stopWords.contains(token.text())))) {
                break;
            }
            if (token.kind() == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (token.kind() == TokenKind.RIGHT_PAREN) {
                depth--;
            }
            collected.add(token);
            index++;
        }
        return collected;
    }

    /** Skips to the end of the current item: the next top-level comma or the end of the enclosing group. */
    void skipItem() {
        untilItemEnd(Set.of());
    }

    static String describe(Token token) {
        return token == null ? "the end of the statement" : "'" + token.text() + "'";
    }
}
