package dev.sluice.webhooks.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryMirrorsTest {

    @TempDir
    Path folder;

    @Test
    void fetchesBranchesAndPullRequestHeadsAndReadsFilesAtAnyCommit() throws Exception {
        Path upstream = folder.resolve("upstream/acme/shop.git");
        Path work = folder.resolve("work");
        RevCommit base;
        RevCommit head;
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            write(work, "sluice.yaml", "migrations: db/migrations\n");
            write(work, "db/migrations/V1__accounts.sql", "CREATE TABLE accounts (id bigint);\n");
            git.add().addFilepattern(".").call();
            base = git.commit().setMessage("base").setAuthor("t", "t@example.com").call();
            git.checkout().setCreateBranch(true).setName("feature").call();
            write(work, "db/migrations/V2__orders.sql", "CREATE TABLE orders (id bigint);\n");
            git.add().addFilepattern(".").call();
            head = git.commit().setMessage("head").setAuthor("t", "t@example.com").call();
            git.checkout().setName("main").call();
        }
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(upstream.toFile()).setBare(true).call().close();
        try (Git bare = Git.open(upstream.toFile())) {
            RefUpdate pull = bare.getRepository().updateRef("refs/pull/7/head");
            pull.setNewObjectId(head);
            pull.forceUpdate();
            bare.getRepository().updateRef("refs/heads/feature").delete(); // only the pull ref knows the head, as for a fork
        }

        RepositoryMirrors mirrors = new RepositoryMirrors(folder.resolve("mirrors"),
                folder.resolve("upstream").toUri() + "{owner}/{repo}.git");
        try (Mirror mirror = mirrors.fetch("acme", "shop", "unused-token", List.of(base.name(), head.name()))) {
            assertThat(mirror.filesUnder(head.name(), "db/migrations")).containsOnlyKeys("V1__accounts.sql", "V2__orders.sql");
            assertThat(mirror.filesUnder(base.name(), "db/migrations")).containsOnlyKeys("V1__accounts.sql");
            assertThat(new String(mirror.file("refs/heads/main", "sluice.yaml").orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("migrations: db/migrations\n");
            assertThat(mirror.file(base.name(), "missing.txt")).isEmpty();
        }
        assertThatThrownBy(() -> mirrors.fetch("acme", "shop", "t", List.of("0123456789012345678901234567890123456789")))
                .hasMessageContaining("is not there after fetching");
    }

    private static void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
