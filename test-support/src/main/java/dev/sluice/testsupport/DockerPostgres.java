package dev.sluice.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL of a chosen major version in a container, for tests that must run against several
 * versions. Only usable where a Docker engine answers; see {@link RequiresDocker}.
 */
public final class DockerPostgres implements AutoCloseable {

    private final PostgreSQLContainer<?> container;

    private DockerPostgres(PostgreSQLContainer<?> container) {
        this.container = container;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static DockerPostgres start(int majorVersion) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                DockerImageName.parse("postgres:" + majorVersion + "-alpine").asCompatibleSubstituteFor("postgres"));
        container.start();
        return new DockerPostgres(container);
    }

    public TestDatabase database() {
        return new TestDatabase(container.getDatabaseName(), container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @Override
    public void close() {
        container.stop();
    }
}
