package dev.krypton.rootkey.local;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyRef;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Provider {@code local}: a root key in a file on this machine, for development and demos only.
 * Access metadata: {@code file} (the key file, created with mode 0600 on first wrap) and
 * {@code allow-in-production} ({@code true} to permit it when the node runs in production mode).
 *
 * <p>The node's mode comes from the constructor; the {@link java.util.ServiceLoader} constructor
 * reads system property {@code krypton.mode} or environment variable {@code KRYPTON_MODE}
 * ({@code development} or {@code production}) and assumes production when neither is set, so a
 * forgotten setting fails closed.
 */
public final class LocalRootKeyProvider implements RootKeyProvider {

    public static final String NAME = "local";

    /** The node's operating mode, as far as this provider cares. */
    public enum Mode { DEVELOPMENT, PRODUCTION }

    private static final Set<String> KNOWN = Set.of("file", "allow-in-production");
    private final Mode mode;

    public LocalRootKeyProvider() {
        this(modeFrom(System.getProperty("krypton.mode", System.getenv().getOrDefault("KRYPTON_MODE", "production"))));
    }

    /** A provider for a node in {@code mode}. */
    public LocalRootKeyProvider(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RootKey open(RootKeyRef ref, KeyServices services) {
        for (String entry : ref.access().keySet()) {
            if (!KNOWN.contains(entry)) {
                throw RootKeyException.denied("local: unknown access metadata '" + entry + "'");
            }
        }
        String allow = ref.optional("allow-in-production", "false");
        if (!allow.equals("true") && !allow.equals("false")) {
            throw RootKeyException.denied("local: allow-in-production must be true or false");
        }
        if (mode == Mode.PRODUCTION && !allow.equals("true")) {
            throw RootKeyException.denied("local: a key file is for development only; refused in production mode"
                    + " (set allow-in-production=true to override)");
        }
        return new LocalRootKey(ref, new KeyFile(Path.of(ref.require("file"))), services);
    }

    static Mode modeFrom(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "development", "dev" -> Mode.DEVELOPMENT;
            case "production", "prod" -> Mode.PRODUCTION;
            default -> throw RootKeyException.denied("local: unknown krypton mode '" + text + "'");
        };
    }
}
