package dev.sluice.webhooks.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A bare mirror per repository under a local folder, fetched on demand: branches and pull-request
 * heads (GitHub publishes {@code refs/pull/N/head}, also for forks), so any commit a webhook names
 * can be read without a work tree. Over HTTPS the installation token is the password.
 */
public final class RepositoryMirrors {

    private static final List<RefSpec> REFSPECS = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/pull/*/head:refs/pull/*/head"));

    private final Path root;
    private final String cloneUrlTemplate;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param cloneUrlTemplate e.g. {@code https://github.com/{owner}/{repo}.git} or {@code file:///srv/git/{owner}/{repo}.git}
     */
    public RepositoryMirrors(Path root, String cloneUrlTemplate) {
        this.root = root;
        this.cloneUrlTemplate = cloneUrlTemplate;
    }

    /** Fetches the repository and makes sure every named commit is there; the caller closes the mirror. */
    public Mirror fetch(String owner, String repo, String token, List<String> commits) throws IOException {
        String key = (owner + "/" + repo).toLowerCase(Locale.ROOT);
        Path folder = root.resolve(owner.toLowerCase(Locale.ROOT)).resolve(repo.toLowerCase(Locale.ROOT) + ".git");
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Repository repository = open(folder);
            try (Git git = new Git(repository)) {
                git.fetch()
                        .setRemote(cloneUrlTemplate.replace("{owner}", owner).replace("{repo}", repo))
                        .setRefSpecs(REFSPECS)
                        .setRemoveDeletedRefs(true)
                        .setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token))
                        .call();
            } catch (GitAPIException e) {
                repository.close();
                throw new IOException("cannot fetch " + owner + "/" + repo + ": " + e.getMessage(), e);
            }
            for (String commit : commits) {
                if (!has(repository, commit)) {
                    repository.close();
                    throw new IOException("commit " + commit + " of " + owner + "/" + repo + " is not there after fetching");
                }
            }
            return new Mirror(repository);
        }
    }

    private static boolean has(Repository repository, String commit) throws IOException {
        try {
            return repository.resolve(commit + "^{commit}") != null;
        } catch (MissingObjectException e) {
            return false;
        }
    }

    private static Repository open(Path folder) throws IOException {
        boolean exists = Files.exists(folder.resolve("HEAD"));
        Files.createDirectories(folder);
        Repository repository = new FileRepositoryBuilder().setGitDir(folder.toFile()).setBare().build();
        if (!exists) {
            repository.create(true);
            // A mirror needs no reflog, and an explicit identity spares JGit from looking up this host's
            // name for one, which costs seconds where reverse DNS does not answer.
            var config = repository.getConfig();
            config.setBoolean("core", null, "logAllRefUpdates", false);
            config.setString("user", null, "name", "sluice");
            config.setString("user", null, "email", "sluice@localhost");
            config.save();
        }
        return repository;
    }
}
