package dev.krypton.app;

import java.io.PrintStream;

/** Entry point of the {@code krypton} command. For now it reports the version and what is built. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        String version = Main.class.getPackage().getImplementationVersion();
        out.println("Krypton " + (version == null ? "(development build)" : version));
        out.println("Built so far: the KMIP protocol library (TTLV, XML and JSON codecs, messages, client).");
        out.println("Not yet built: the node itself (engine, storage, root keys, KMIP server, Orbital intake).");
        return 0;
    }
}
