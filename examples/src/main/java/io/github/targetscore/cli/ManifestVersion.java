package io.github.targetscore.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The targetscore version: the {@code Implementation-Version} of the jar this class was loaded
 * from, or {@code development} when it runs from compiled classes.
 */
final class ManifestVersion implements IVersionProvider {

    /** The version recorded in outputs and printed by {@code --version}. */
    static String version() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"targetscore " + version(),
            "Java ${java.version} (${java.vendor} ${java.vm.name})"};
    }
}
