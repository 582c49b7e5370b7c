package dev.krypton.engine;

import java.util.Objects;

/**
 * The one exception type of the engine. Its message says what was wrong for an operator and never
 * contains key material, plaintext, AAD or secrets.
 */
public final class EngineException extends RuntimeException {

    private final ErrorCode code;

    public EngineException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public EngineException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The typed reason, for mapping to KMIP result reasons or Orbital task status. */
    public ErrorCode code() {
        return code;
    }

    static EngineException notFound(String message) {
        return new EngineException(ErrorCode.NOT_FOUND, message);
    }

    static EngineException denied(String message) {
        return new EngineException(ErrorCode.PERMISSION_DENIED, message);
    }

    static EngineException invalid(String message) {
        return new EngineException(ErrorCode.INVALID_ARGUMENT, message);
    }

    static EngineException illegalState(String message) {
        return new EngineException(ErrorCode.ILLEGAL_STATE, message);
    }
}
