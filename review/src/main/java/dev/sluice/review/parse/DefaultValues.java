package dev.sluice.review.parse;

import dev.sluice.review.model.DefaultValue;
import dev.sluice.review.sql.Token;
import dev.sluice.review.sql.TokenKind;
import java.util.List;
import java.util.Set;

/** Tells whether a default expression is one value for all rows or one per row. */
final class DefaultValues {

    /** Volatile functions: a column added with one of these as default is filled row by row (a rewrite). */
    private static final Set<String> VOLATILE = Set.of(
            "random", "random_normal", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "setseed", "txid_current",
            "pg_current_xact_id");
    /** Immutable or stable functions, evaluated once for ALTER TABLE ... ADD COLUMN. */
    private static final Set<String> STABLE = Set.of(
            "now", "transaction_timestamp", "statement_timestamp", "current_setting", "lower", "upper", "coalesce",
            "nullif", "greatest", "least", "concat", "length", "trim", "to_char", "to_date", "to_timestamp",
            "to_json", "to_jsonb", "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array",
            "array", "make_date", "make_interval", "make_timestamp", "make_timestamptz", "date_trunc", "abs",
            "round", "cast", "timezone", "md5", "row");

    private DefaultValues() {
    }

    static DefaultValue classify(List<Token> expression, String text) {
        boolean isNull = !expression.isEmpty() && expression.getFirst().isWord("null")
                && (expression.size() == 1 || expression.get(1).isOperator("::"));
        DefaultValue.Volatility volatility = DefaultValue.Volatility.CONSTANT;
        for (int i = 0; i + 1 < expression.size(); i++) {
            Token token = expression.get(i);
            boolean call = token.kind() == TokenKind.WORD && expression.get(i + 1).kind() == TokenKind.LEFT_PAREN
                    && (i == 0 || !expression.get(i - 1).isOperator("::"));
            if (!call) {
                continue;
            }
            if (VOLATILE.contains(token.text())) {
                return new DefaultValue(text, DefaultValue.Volatility.VOLATILE, false);
            }
            if (!STABLE.contains(token.text()) && !isTypeModifier(expression, i)) {
                volatility = DefaultValue.Volatility.UNKNOWN;
            }
        }
        return new DefaultValue(text, volatility, isNull);
    }

    /** {@code 'x'::varchar(10)} or {@code numeric(10,2) '1'}: the parentheses belong to a type, not a call. */
    private static boolean isTypeModifier(List<Token> expression, int at) {
        return Set.of("varchar", "numeric", "decimal", "char", "character", "timestamp", "timestamptz", "time", "bit",
                "interval", "varbit").contains(expression.get(at).text());
    }
}
