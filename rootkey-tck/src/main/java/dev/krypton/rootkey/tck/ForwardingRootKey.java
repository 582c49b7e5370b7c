package dev.krypton.rootkey.tck;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.util.Objects;

/**
 * A root key that passes every call to another one: tests extend it and override only the calls
 * they watch, slow down or break (a spy that keeps each wrapped L2, a provider with latency).
 */
public class ForwardingRootKey implements RootKey {

    private final RootKey inner;

    public ForwardingRootKey(RootKey inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public RootKeyRef ref() {
        return inner.ref();
    }

    @Override
    public boolean bindsContext() {
        return inner.bindsContext();
    }

    @Override
    public RootKeyBlob wrap(KeyHandle l2, WrapContext context) {
        return inner.wrap(l2, context);
    }

    @Override
    public KeyHandle unwrap(RootKeyBlob blob, WrapContext context) {
        return inner.unwrap(blob, context);
    }

    @Override
    public void probe(WrapContext context) {
        inner.probe(context);
    }

    @Override
    public void close() {
        inner.close();
    }
}
