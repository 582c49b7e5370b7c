package dev.krypton.engine;

/**
 * The authenticated caller of an operation, as derived by the transport (the KMIP server takes it
 * from the client certificate by a configured rule: CN, SAN URI, SAN DNS).
 */
public record Principal(String name) {

    public Principal {
        if (name == null || name.isBlank() || name.length() > 1024) {
            throw EngineException.invalid("principal name must be non-blank and at most 1024 characters");
        }
    }

    public static Principal of(String name) {
        return new Principal(name);
    }
}
