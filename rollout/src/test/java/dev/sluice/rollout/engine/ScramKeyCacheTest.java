package dev.sluice.rollout.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.testsupport.SharedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class ScramKeyCacheTest {

    @Test
    void derivesExactlyWhatTheJdkDerivesForEveryPasswordSaltAndRoundCount() throws Exception {
        ScramKeyCache.install();
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256", "SunJCE");
        SecretKeyFactory cached = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");

        assertThat(cached.getProvider()).isInstanceOf(ScramKeyCache.class);
        byte[] expected = jdk.generateSecret(new PBEKeySpec("secret".toCharArray(), salt, 4096, 256)).getEncoded();
        assertThat(cached.generateSecret(new PBEKeySpec("secret".toCharArray(), salt, 4096, 256)).getEncoded()).isEqualTo(expected);
        assertThat(cached.generateSecret(new PBEKeySpec("secret".toCharArray(), salt, 4096, 256)).getEncoded()).isEqualTo(expected);
        assertThat(cached.generateSecret(new PBEKeySpec("other".toCharArray(), salt, 4096, 256)).getEncoded()).isNotEqualTo(expected);
        assertThat(cached.generateSecret(new PBEKeySpec("secret".toCharArray(), "fedcba9876543210".getBytes(StandardCharsets.US_ASCII),
                4096, 256)).getEncoded()).isNotEqualTo(expected);
        assertThat(cached.generateSecret(new PBEKeySpec("secret".toCharArray(), salt, 4097, 256)).getEncoded()).isNotEqualTo(expected);
    }

    @Test
    void scramConnectionsStillAuthenticateAndAWrongPasswordIsStillRefused() throws Exception {
        ScramKeyCache.install();
        EmbeddedPostgres server = SharedPostgres.server(); // initdb --auth=scram-sha-256
        for (int attempt = 0; attempt < 3; attempt++) {
            DatabaseTarget target = JdbcTargets.of("postgres", server.jdbcUrl("postgres"), server.username(), server.password());
            try (Connection connection = target.connections().open("scram");
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select 1")) {
                assertThat(result.next()).isTrue();
            }
        }
        DatabaseTarget wrong = JdbcTargets.of("postgres", server.jdbcUrl("postgres"), server.username(), server.password() + "x");
        assertThatThrownBy(() -> wrong.connections().open("scram").close())
                .hasMessageContaining("password authentication failed");
    }
}
