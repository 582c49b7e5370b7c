package dev.krypton.crypto;

import java.util.stream.Stream;

/** The two engines, for parameterized tests. */
final class Engines {
    private Engines() {
    }

    static Stream<CryptoEngine> both() {
        return Stream.of(NativeEngine.load(), new JceEngine());
    }
}
