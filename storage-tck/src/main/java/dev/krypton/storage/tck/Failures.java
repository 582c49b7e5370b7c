package dev.krypton.storage.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.storage.StorageException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on {@link StorageException}s. */
public final class Failures {

    private Failures() {
    }

    /** Asserts that {@code call} fails with a storage exception of {@code kind} and returns it. */
    public static StorageException expect(StorageException.Kind kind, ThrowingCallable call) {
        StorageException[] caught = new StorageException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.kind()).as("kind of: " + e.getMessage()).isEqualTo(kind);
            caught[0] = e;
        });
        return caught[0];
    }
}
