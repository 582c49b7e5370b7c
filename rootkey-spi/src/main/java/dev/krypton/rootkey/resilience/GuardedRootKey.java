package dev.krypton.rootkey.resilience;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link RootKey} decorator that runs every call through one {@link #guard} policy. The
 * {@code discard} argument disposes of a result the caller will never receive (an unwrapped key
 * that arrives after a timeout is wiped, never dropped on the floor).
 */
public abstract class GuardedRootKey implements RootKey {

    private static final Consumer<Object> NOTHING = r -> { };

    protected final RootKey delegate;

    protected GuardedRootKey(RootKey delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code call} under this decorator's policy. */
    protected abstract <T> T guard(String operation, Supplier<T> call, Consumer<? super T> discard);

    @Override
    public RootKeyRef ref() {
        return delegate.ref();
    }

    @Override
    public boolean bindsContext() {
        return delegate.bindsContext();
    }

    @Override
    public RootKeyBlob wrap(KeyHandle l2, WrapContext context) {
        return guard("wrap", () -> delegate.wrap(l2, context), NOTHING);
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        return guard("unwrap", () -> delegate.unwrap(blob, context), KeyHandle::wipe);
    }

    @Override
    public void probe(WrapContext context) {
        guard("probe", () -> {
            delegate.probe(context);
            return Boolean.TRUE;
        }, NOTHING);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + delegate + "]";
    }

    /** Names the key in error messages. */
    protected String describe(String operation) {
        return ref().provider() + " root key " + ref().keyId() + " " + operation;
    }
}
