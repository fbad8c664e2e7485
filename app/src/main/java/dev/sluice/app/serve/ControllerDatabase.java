package dev.sluice.app.serve;

import dev.sluice.app.cli.CommandFailure;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.embedded.EmbeddedPostgres;
import dev.sluice.embedded.EmbeddedPostgresException;
import dev.sluice.embedded.EmbeddedPostgresSettings;
import dev.sluice.rollout.engine.JdbcTargets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where the controller keeps its own state: a server the user configured, or one it runs itself. */
sealed interface ControllerDatabase extends AutoCloseable {

    /** Target databases created next to the embedded controller database, so a first run has something to migrate. */
    List<String> SAMPLE_DATABASES = List.of("sample_dev", "sample_staging", "sample_prod");

    /** Name of the controller's own database on the embedded server. */
    String EMBEDDED_DATABASE = "sluice";

    /** Properties for the application context; empty when the configuration already names the server. */
    Map<String, Object> datasourceProperties();

    /** One line for the start-up log, never with a password. */
    String describe();

    @Override
    void close();

    /** {@code datasources.default.url} is set: use that server as configured. */
    record Configured(String url) implements ControllerDatabase {
        @Override
        public Map<String, Object> datasourceProperties() {
            return Map.of();
        }

        @Override
        public String describe() {
            int query = url.indexOf('?');
            return "controller database " + JdbcTargets.redact(query < 0 ? url : url.substring(0, query)); // user:password@ too
        }

        @Override
        public void close() {
        }
    }

    /** No datasource configured: an embedded PostgreSQL under the Sluice home folder. */
    record Embedded(SluiceHome home, EmbeddedPostgres server) implements ControllerDatabase {

        static Embedded start(Path homeFolder, int port) {
            SluiceHome home = SluiceHome.lock(homeFolder);
            try {
                Path base = home.resolve("postgres");
                EmbeddedPostgres server = EmbeddedPostgres.start(
                        EmbeddedPostgresSettings.durable(base.resolve("binaries"), base, port));
                try {
                    server.createDatabaseIfMissing(EMBEDDED_DATABASE);
                    SAMPLE_DATABASES.forEach(server::createDatabaseIfMissing);
                } catch (EmbeddedPostgresException e) {
                    server.close();
                    throw e;
                }
                return new Embedded(home, server);
            } catch (EmbeddedPostgresException e) {
                home.close();
                throw new CommandFailure(ExitCode.FAILED, "the embedded PostgreSQL in " + home.folder() + " did not start: "
                        + e.getMessage(), e);
            } catch (RuntimeException e) {
                home.close();
                throw e;
            }
        }

        @Override
        public Map<String, Object> datasourceProperties() {
            return Map.of(
                    "datasources.default.url", server.jdbcUrl(EMBEDDED_DATABASE),
                    "datasources.default.username", server.username(),
                    "datasources.default.password", server.password(),
                    "datasources.default.driver-class-name", "org.postgresql.Driver");
        }

        @Override
        public String describe() {
            return "embedded PostgreSQL on localhost:" + server.port() + ", data in " + server.dataDirectory()
                    + "; sample targets " + String.join(", ", SAMPLE_DATABASES);
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                home.close();
            }
        }
    }
}
