package dev.krypton.crypto;

/** Child JVM for {@link ProcessHardeningTest}: hardens itself, reports, waits to be inspected. */
public final class HardeningChild {
    private HardeningChild() {
    }

    public static void main(String[] args) throws Exception {
        ProcessHardening.Status status = ProcessHardening.apply(!args[0].equals("debug"));
        System.out.println("STATUS " + status.coreDumpsDisabled() + " " + status.dumpable() + " " + status.coreLimit());
        System.in.read();
    }
}
