package dev.sluice.app.cli;

/** Exit codes shared by every command (CONTRACT §2). */
public final class ExitCode {

    /** Everything went as asked. */
    public static final int OK = 0;
    /** The command ran and found something wrong: findings, drift, a failed migration, a failure to start. */
    public static final int FAILED = 1;
    /** The command line or an input file is wrong. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
