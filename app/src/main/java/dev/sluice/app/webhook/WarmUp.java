package dev.sluice.app.webhook;

import dev.sluice.review.MigrationFile;
import dev.sluice.review.ReviewOptions;
import dev.sluice.review.Reviewer;
import dev.sluice.webhooks.git.RepositoryMirrors;
import dev.sluice.webhooks.intake.EventParser;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and exercises, in the background after start-up, what the first pull request would
 * otherwise wait for: the review engine, the payload reader, and git. The first review comment then
 * comes as fast as the later ones, less the first fetch of the repository.
 */
@Singleton
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    @EventListener
    void onStartup(StartupEvent event) {
        Thread.ofVirtual().name("sluice-warm-up").start(WarmUp::run);
    }

    static void run() {
        long start = System.nanoTime();
        try {
            new Reviewer(ReviewOptions.defaults()).review(List.of(new MigrationFile("V1__warm_up.sql",
                    "CREATE TABLE t (id bigint PRIMARY KEY, c text);\nALTER TABLE t ADD COLUMN d timestamptz;\n"
                            + "CREATE INDEX CONCURRENTLY t_c_idx ON t (c);\nUPDATE t SET c = 'x' WHERE id = 1;\n")));
            new EventParser().parse("pull_request", ("{\"action\":\"opened\",\"number\":1,\"pull_request\":{\"number\":1},"
                    + "\"repository\":{\"full_name\":\"a/b\"}}").getBytes(StandardCharsets.UTF_8));
            warmUpGit();
            LOG.debug("Warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            LOG.warn("Warm-up failed (the first review will be slower): {}", e.toString());
        }
    }

    /** Git: a commit in one repository fetched into a mirror over file://, as a first pull request would. */
    private static void warmUpGit() throws Exception {
        Path folder = Files.createTempDirectory("sluice-warm-up");
        try {
            Path source = folder.resolve("warm/up.git");
            try (Git git = Git.init().setDirectory(folder.resolve("work").toFile()).setInitialBranch("main").call()) {
                Files.writeString(folder.resolve("work/README"), "warm-up\n");
                git.add().addFilepattern("README").call();
                git.commit().setMessage("warm-up").setAuthor("sluice", "sluice@localhost").setCommitter("sluice", "sluice@localhost").call();
            }
            Git.cloneRepository().setURI(folder.resolve("work").toUri().toString()).setDirectory(source.toFile()).setBare(true)
                    .call().close();
            new RepositoryMirrors(folder.resolve("mirrors"), folder.toUri() + "{owner}/{repo}.git")
                    .fetch("warm", "up", "none", List.of("refs/heads/main")).close();
        } finally {
            FileUtils.delete(folder.toFile(), FileUtils.RECURSIVE | FileUtils.IGNORE_ERRORS); // leave nothing behind per start
        }
    }
}
