package dev.krypton.crypto;

import java.lang.System.Logger.Level;

/**
 * Start-up hardening of the whole process: no core dumps, so a crash cannot write keys to disk.
 * {@code prctl(PR_SET_DUMPABLE, 0)} (which also keeps unprivileged same-user processes from
 * ptrace-attaching or reading {@code /proc/PID/mem}) and {@code setrlimit(RLIMIT_CORE, 0)}. Either
 * can be left off for debugging, which is logged as a warning and reported in {@link Status}.
 */
public final class ProcessHardening {
    private static final System.Logger LOG = System.getLogger(ProcessHardening.class.getName());

    /**
     * @param coreDumpsDisabled the process is not dumpable and its core limit is 0
     * @param dumpable the PR_GET_DUMPABLE value (0 means not dumpable)
     * @param coreLimit the RLIMIT_CORE soft limit in bytes
     * @param detail what was done or why not
     */
    public record Status(boolean coreDumpsDisabled, int dumpable, long coreLimit, String detail) {
    }

    private ProcessHardening() {
    }

    /**
     * Disables core dumps, or leaves them on (debugging) with a warning.
     *
     * @param disableCoreDumps {@code true} in production
     * @return the resulting state
     * @throws CryptoException if the kernel refuses
     */
    public static Status apply(boolean disableCoreDumps) {
        if (!disableCoreDumps) {
            LOG.log(Level.WARNING, "core dumps left enabled by configuration (debugging): a crash may write keys to disk");
            return status("core dumps left enabled by configuration");
        }
        Libc.Outcome dumpable = Libc.prctl(Libc.PR_SET_DUMPABLE, 0);
        if (dumpable.failed()) {
            throw new CryptoException("prctl(PR_SET_DUMPABLE, 0) failed: " + Libc.strerror(dumpable.errno()));
        }
        Libc.Outcome limit = Libc.setrlimit(Libc.RLIMIT_CORE, 0, 0);
        if (limit.failed()) {
            throw new CryptoException("setrlimit(RLIMIT_CORE, 0) failed: " + Libc.strerror(limit.errno()));
        }
        Status status = status("core dumps disabled (PR_SET_DUMPABLE 0, RLIMIT_CORE 0)");
        LOG.log(Level.INFO, status.detail());
        return status;
    }

    /** @return {@code apply(true)} */
    public static Status disableCoreDumps() {
        return apply(true);
    }

    /** @return the current state, without changing it */
    public static Status status() {
        return status("current state");
    }

    private static Status status(String detail) {
        int dumpable = (int) Libc.prctl(Libc.PR_GET_DUMPABLE, 0).value();
        long core = Libc.getrlimit(Libc.RLIMIT_CORE)[0];
        return new Status(dumpable == 0 && core == 0, dumpable, core, detail);
    }
}
