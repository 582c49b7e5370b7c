package dev.krypton.rootkey.tck;

import dev.krypton.rootkey.tck.FakeRootKeys.KeyState;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** One fake key: its versions' material (version n at index n-1) and its state. */
final class FakeKey {

    private final List<byte[]> versions = new ArrayList<>();
    volatile KeyState state = KeyState.ENABLED;

    FakeKey(SecureRandom random) {
        rotate(random);
    }

    synchronized void rotate(SecureRandom random) {
        byte[] material = new byte[32];
        random.nextBytes(material);
        versions.add(material);
    }

    synchronized int currentVersion() {
        return versions.size();
    }

    /** The material of {@code version}, or an empty array when there is no such version. */
    synchronized byte[] material(int version) {
        return version >= 1 && version <= versions.size() ? versions.get(version - 1) : new byte[0];
    }
}
