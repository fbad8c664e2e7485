package dev.sluice.app.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
public final class SluiceVersion implements CommandLine.IVersionProvider {

    public static String current() {
        String version = SluiceVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sluice " + current()};
    }
}
