package dev.sluice.webhooks.git;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** A fetched bare repository, read at any commit or ref without a work tree. */
public final class Mirror implements AutoCloseable {

    private final Repository repository;

    Mirror(Repository repository) {
        this.repository = repository;
    }

    /** Every file under {@code folder} at the revision (a SHA or ref), by path relative to the folder. */
    public Map<String, byte[]> filesUnder(String revision, String folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String prefix = folder.replaceAll("^/+|/+$", "");
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(resolve(revision));
            try (TreeWalk tree = new TreeWalk(repository)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                if (!prefix.isEmpty()) {
                    tree.setFilter(PathFilter.create(prefix));
                }
                while (tree.next()) {
                    String path = tree.getPathString();
                    String relative = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
                    files.put(relative, repository.open(tree.getObjectId(0)).getBytes());
                }
            }
        }
        return files;
    }

    /** One file at the revision, if it exists there. */
    public Optional<byte[]> file(String revision, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(resolve(revision));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
                return tree == null ? Optional.empty() : Optional.of(repository.open(tree.getObjectId(0)).getBytes());
            }
        }
    }

    /** The commit's first parent (what a merge commit merged into), or empty for a root commit. */
    public Optional<String> parentOf(String revision) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(resolve(revision));
            return commit.getParentCount() == 0 ? Optional.empty() : Optional.of(commit.getParent(0).name());
        }
    }

    private ObjectId resolve(String revision) throws IOException {
        ObjectId id = repository.resolve(revision + "^{commit}");
        if (id == null) {
            throw new IOException("no commit " + revision + " in the mirror");
        }
        return id;
    }

    @Override
    public void close() {
        repository.close();
    }
}
