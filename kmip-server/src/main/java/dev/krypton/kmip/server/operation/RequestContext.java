package dev.krypton.kmip.server.operation;

import dev.krypton.engine.KeyOperations;
import dev.krypton.engine.Principal;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.ProtocolVersion;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler knows about the batch item it serves: the authenticated principal, the request's
 * protocol version, the engine, the clock, and the ID Placeholder shared by the items of one
 * request message (KMIP 1.4 section 3.1.1: an absent Unique Identifier means "the object the
 * previous item created or located").
 */
public final class RequestContext {

    private final Principal principal;
    private final ProtocolVersion version;
    private final KeyOperations keys;
    private final Clock clock;
    private Optional<String> placeholder = Optional.empty();

    public RequestContext(Principal principal, ProtocolVersion version, KeyOperations keys, Clock clock) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.version = Objects.requireNonNull(version, "version");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Principal principal() {
        return principal;
    }

    public ProtocolVersion version() {
        return version;
    }

    public KeyOperations keys() {
        return keys;
    }

    public Clock clock() {
        return clock;
    }

    /** The identifier asked for, else the ID Placeholder; neither is Invalid Field. */
    public String uid(Optional<String> requested) {
        return requested.or(() -> placeholder).orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD,
                "no Unique Identifier given and no ID Placeholder set by an earlier batch item"));
    }

    /** Sets the ID Placeholder for the following batch items. */
    public String remember(String uid) {
        placeholder = Optional.of(uid);
        return uid;
    }
}
