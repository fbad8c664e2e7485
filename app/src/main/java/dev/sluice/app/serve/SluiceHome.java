package dev.sluice.app.serve;

import dev.sluice.app.cli.CommandFailure;
import dev.sluice.app.cli.ExitCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The folder where {@code sluice serve} keeps local state ({@code ~/.sluice} unless told otherwise),
 * held by one process at a time through an OS file lock that dies with the process.
 */
final class SluiceHome implements AutoCloseable {

    static final String LOCK_FILE = "serve.lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private SluiceHome(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".sluice");
    }

    /** Takes the folder for this process, or fails naming the folder and the process that holds it. */
    static SluiceHome lock(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path lockFile = absolute.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new CommandFailure(ExitCode.FAILED, "another sluice serve is already using " + absolute
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + "; stop it first, or give this one another folder with --home");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new SluiceHome(absolute, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CommandFailure(ExitCode.FAILED, "cannot use " + absolute + " for Sluice's local state: " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    Path folder() {
        return folder;
    }

    Path resolve(String name) {
        return folder.resolve(name);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
