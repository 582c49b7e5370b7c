package dev.krypton.rootkey.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * Collects every exception message and toString a conformance test produces and checks that none
 * contains an L2 the test made (hex or base64) or a configured secret.
 */
public final class LeakWatch {

    private final List<String> secrets = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** Remembers the bytes of {@code l2} in their printable forms (test code only). */
    void remember(KeyHandle l2) {
        byte[] bytes = l2.withKey(s -> s.toArray(ValueLayout.JAVA_BYTE));
        secrets.add(HexFormat.of().formatHex(bytes));
        secrets.add(HexFormat.of().withUpperCase().formatHex(bytes));
        secrets.add(Base64.getEncoder().encodeToString(bytes));
        secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Runs {@code call}, expects a {@link RootKeyException} of {@code failure}, records its text. */
    public void expect(Failure failure, Executable call) {
        assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(RootKeyException.class, e -> {
                    record(e);
                    assertThat(e.failure()).as("classification of: %s", e.getMessage()).isEqualTo(failure);
                });
    }

    /** Records the toString of each object. */
    public void checkToString(Object... objects) {
        for (Object o : objects) {
            texts.add(o.toString());
        }
    }

    private void record(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t));
        }
    }

    /** Fails when any recorded text contains a remembered key or one of {@code configured}. */
    public void assertNoLeaks(List<String> configured) {
        List<String> all = new ArrayList<>(secrets);
        configured.stream().filter(s -> s.length() >= 4).forEach(all::add);
        for (String text : texts) {
            for (String secret : all) {
                assertThat(text).as("a message or toString").doesNotContain(secret);
            }
        }
    }

    /** Constant-time comparison of two keys through their loans. */
    public static boolean sameKey(KeyHandle a, KeyHandle b) {
        return a.withKey(x -> b.withKey(y -> equal(x, y)));
    }

    private static boolean equal(MemorySegment x, MemorySegment y) {
        if (x.byteSize() != y.byteSize()) {
            return false;
        }
        int diff = 0;
        for (long i = 0; i < x.byteSize(); i++) {
            diff |= x.get(ValueLayout.JAVA_BYTE, i) ^ y.get(ValueLayout.JAVA_BYTE, i);
        }
        return diff == 0;
    }
}
