package dev.sluice.rollout.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testsupport.PostgresTest;
import dev.sluice.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@PostgresTest
class IdentifiersTest {

    @Test
    void quotesExactlyAsTheServersQuoteIdentDoes(TestDatabase database) throws Exception {
        List<String> names = new ArrayList<>(List.of("users", "Users", "user", "_x1$", "1abc", "a b", "we\"ird", "größe", "",
                "select", "name", "text", "type", "left", "column", "abort", "int4", "a.b", "tenant_isolation"));
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement();
                 ResultSet words = statement.executeQuery("SELECT word FROM pg_get_keywords()")) {
                while (words.next()) {
                    names.add(words.getString(1));
                }
            }
            try (PreparedStatement quote = connection.prepareStatement("SELECT quote_ident(?)")) {
                for (String name : names) {
                    quote.setString(1, name);
                    try (ResultSet quoted = quote.executeQuery()) {
                        quoted.next();
                        assertThat(Identifiers.quote(name)).as(name).isEqualTo(quoted.getString(1));
                    }
                }
            }
        }
        assertThat(Identifiers.qualified("public", "Order")).isEqualTo("public.\"Order\"");
        assertThat(Identifiers.literal("it's")).isEqualTo("'it''s'");
    }
}
