package dev.sluice.webhooks.handle;

/** Where the controller keeps whether a GitHub App installation may be served. */
public interface InstallationStates {

    void record(long installation, String account, boolean stopped);
}
