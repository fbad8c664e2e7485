package dev.sluice.app.serve;

import dev.sluice.app.Main;
import dev.sluice.app.cli.CommandFailure;
import dev.sluice.app.cli.ExitCode;
import dev.sluice.app.cli.SluiceVersion;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.BindException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice serve}: the controller, until the process is told to stop. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the controller: GitHub webhooks, the API and rollouts, on port 8080 unless configured otherwise.",
            "Without datasources.default.url it runs an embedded PostgreSQL under the home folder,"
                + " with sample target databases sample_dev, sample_staging and sample_prod."
        })
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--home", paramLabel = "DIR",
            description = "Folder for local state such as the embedded database (default: ~/.sluice).")
    Path home;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: micronaut.server.port, 8080).")
    Integer port;

    @Option(names = "--embedded-postgres-port", paramLabel = "PORT",
            description = "Port of the embedded PostgreSQL (default: any free port).")
    int embeddedPostgresPort;

    @Override
    public Integer call() {
        ControllerDatabase database = openDatabase();
        Map<String, Object> properties = new LinkedHashMap<>(database.datasourceProperties());
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        ApplicationContext context = null;
        EmbeddedServer server;
        try {
            context = ApplicationContext.builder(Main.class).properties(properties).start();
            server = context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            if (context != null) {
                context.close();
            }
            database.close();
            throw startFailure(e);
        }
        LOG.info("Sluice {} serving on {} ({})", SluiceVersion.current(), server.getURL(), database.describe());
        awaitShutdown(context, server, database);
        return ExitCode.OK;
    }

    private ControllerDatabase openDatabase() {
        String configuredUrl = configuredDatasourceUrl();
        if (configuredUrl != null) {
            return new ControllerDatabase.Configured(configuredUrl);
        }
        Path folder = home != null ? home : SluiceHome.defaultFolder();
        LOG.info("No datasources.default.url configured: starting the embedded PostgreSQL in {}", folder.toAbsolutePath());
        return ControllerDatabase.Embedded.start(folder, embeddedPostgresPort);
    }

    /** Reads the configuration the application will see, before deciding whether to start a server for it. */
    private static String configuredDatasourceUrl() {
        try (ApplicationContext probe = ApplicationContext.builder(Main.class).build()) {
            Environment environment = probe.getEnvironment();
            environment.start();
            return environment.getProperty("datasources.default.url", String.class).filter(url -> !url.isBlank()).orElse(null);
        }
    }

    private static void awaitShutdown(ApplicationContext context, EmbeddedServer server, ControllerDatabase database) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Sluice");
            try {
                server.stop();
                context.close();
            } finally {
                database.close();
                stopped.countDown();
            }
        }, "sluice-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CommandFailure startFailure(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return new CommandFailure(ExitCode.FAILED, "the HTTP port is already in use (" + cause.getMessage()
                        + "); choose another with --port or micronaut.server.port", e);
            }
            if (cause instanceof CommandFailure failure) {
                return failure;
            }
            if (cause instanceof SQLException sql) {
                return new CommandFailure(ExitCode.FAILED, "the controller database did not answer: " + sql.getMessage(), e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new CommandFailure(ExitCode.FAILED, "the controller did not start: " + root.getMessage(), e);
    }
}
