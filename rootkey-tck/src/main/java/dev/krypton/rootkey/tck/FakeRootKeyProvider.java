package dev.krypton.rootkey.tck;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import java.util.Objects;

/**
 * Provider {@code fake}: a controllable in-process KMS for tests of the engine and of the
 * fail-closed rules. Built with a {@link FakeRootKeys} the test holds; the no-argument constructor
 * (used by {@link java.util.ServiceLoader}) gives a world of its own in which keys are created on
 * first open.
 */
public final class FakeRootKeyProvider implements RootKeyProvider {

    public static final String NAME = "fake";

    private final FakeRootKeys world;
    private final boolean createOnOpen;

    public FakeRootKeyProvider() {
        this(new FakeRootKeys(), true);
    }

    /** A provider over {@code world}; opening a key the test did not create is allowed, using it is DENIED. */
    public FakeRootKeyProvider(FakeRootKeys world) {
        this(world, false);
    }

    private FakeRootKeyProvider(FakeRootKeys world, boolean createOnOpen) {
        this.world = Objects.requireNonNull(world, "world");
        this.createOnOpen = createOnOpen;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        if (createOnOpen) {
            world.create(ref.keyId());
        }
        return new FakeRootKey(ref, world, services.memory());
    }
}
