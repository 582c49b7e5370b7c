package dev.krypton.app.cli;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

/**
 * Turns SIGTERM and SIGINT into an orderly stop: the command's main thread waits in
 * {@link #await()}, closes the node and returns exit code 0 (instead of the JVM's 143/130).
 */
final class Shutdown {

    private final CountDownLatch signalled = new CountDownLatch(1);

    private Shutdown() {
    }

    static Shutdown onSignals() {
        Shutdown s = new Shutdown();
        Signal.handle(new Signal("TERM"), sig -> s.signalled.countDown());
        Signal.handle(new Signal("INT"), sig -> s.signalled.countDown());
        return s;
    }

    void await() {
        try {
            signalled.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
