package dev.sluice.app.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The repository acme/shop of the end-to-end tests, as real git: a work tree under
 * {@code folder/work} where a test writes and commits, and the bare repository GitHub would
 * serve under {@code folder/upstream/acme/shop.git} (the controller's {@code sluice.github.clone-url}
 * is {@code folder/upstream/{owner}/{repo}.git}), with pull request heads as {@code refs/pull/N/head}.
 */
public final class ShopRepository {

    private final Path work;
    private final Path upstream;

    /** A new repository with an empty main branch. */
    public ShopRepository(Path folder) throws GitAPIException {
        this.work = folder.resolve("work");
        this.upstream = folder.resolve("upstream/acme/shop.git");
        Git.init().setDirectory(work.toFile()).setInitialBranch("main").call().close();
    }

    public Path work() {
        return work;
    }

    public void write(String path, String text) throws IOException {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Commits everything written since the last commit, on the branch checked out. */
    public RevCommit commit(String message) throws IOException, GitAPIException {
        try (Git git = Git.open(work.toFile())) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor("dev", "dev@example.com").setCommitter("dev", "dev@example.com").call();
        }
    }

    /** Starts a branch at main and checks it out. */
    public void branchFromMain(String name) throws IOException, GitAPIException {
        try (Git git = Git.open(work.toFile())) {
            git.checkout().setCreateBranch(true).setName(name).setStartPoint("main").call();
        }
    }

    public void checkout(String branch) throws IOException, GitAPIException {
        try (Git git = Git.open(work.toFile())) {
            git.checkout().setName(branch).call();
        }
    }

    public RevCommit main() throws IOException {
        try (Git git = Git.open(work.toFile())) {
            return git.getRepository().parseCommit(git.getRepository().resolve("main"));
        }
    }

    /** Merges {@code head} into main with a merge commit, as GitHub's merge button does; returns it. */
    public RevCommit mergeIntoMain(RevCommit head, String message) throws IOException, GitAPIException {
        checkout("main");
        try (Git git = Git.open(work.toFile())) {
            git.merge().include(head).setFastForward(MergeCommand.FastForwardMode.NO_FF).setMessage(message).call();
        }
        return main();
    }

    /** A pull request: where main was when it began, its head, and its merge commit. */
    public record Merged(int number, RevCommit base, RevCommit head, RevCommit merge) {
    }

    /** Pull request {@code number} writing one file on a branch from main, merged and published. */
    public Merged mergePullRequest(int number, String path, String text) throws IOException, GitAPIException {
        RevCommit base = main();
        branchFromMain("pr" + number);
        write(path, text);
        RevCommit head = commit("pr " + number);
        RevCommit merge = mergeIntoMain(head, "Merge #" + number);
        publish(number, head);
        return new Merged(number, base, head, merge);
    }

    /** Makes the branches visible upstream, and {@code head} as pull request {@code number}'s head. */
    public void publish(int number, RevCommit head) throws IOException, GitAPIException {
        publish();
        try (Git bare = Git.open(upstream.toFile())) {
            RefUpdate pull = bare.getRepository().updateRef("refs/pull/" + number + "/head");
            pull.setNewObjectId(head);
            pull.forceUpdate();
        }
    }

    /** Makes the branches visible upstream. */
    public void publish() throws IOException, GitAPIException {
        if (!Files.exists(upstream)) {
            Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(upstream.toFile()).setBare(true).call().close();
        }
        try (Git bare = Git.open(upstream.toFile())) {
            bare.fetch().setRemote(work.toUri().toString()).setRefSpecs("+refs/heads/*:refs/heads/*").call();
        }
    }
}
