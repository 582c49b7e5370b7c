package dev.krypton.app;

import picocli.CommandLine;

/** The version printed by {@code krypton --version}: the jar's Implementation-Version. */
public final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"Krypton " + (v == null ? "(development build)" : v)};
    }
}
