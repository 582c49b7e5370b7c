package dev.krypton.rootkey.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.ResultStatus;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The classification table of {@link KmipErrors}, reason by reason. */
class KmipErrorsTest {

    private static ResponseBatchItem failed(ResultStatus status, Optional<ResultReason> reason, String message) {
        return new ResponseBatchItem(OptionalInt.empty(), Optional.empty(), status, reason, Optional.of(message),
                Optional.empty(), List.of());
    }

    @ParameterizedTest
    @EnumSource(value = ResultReason.class, names = {"GENERAL_FAILURE", "INTERNAL_SERVER_ERROR", "SERVER_LIMIT_EXCEEDED",
            "PROTECTION_STORAGE_UNAVAILABLE", "PRIVATE_PROTECTION_STORAGE_UNAVAILABLE",
            "PUBLIC_PROTECTION_STORAGE_UNAVAILABLE", "OPERATION_CANCELED_BY_REQUESTER"})
    void transientReasonsAreUnavailable(ResultReason reason) {
        assertThat(KmipErrors.classify(failed(ResultStatus.OPERATION_FAILED, Optional.of(reason), ""))).isEqualTo(Failure.UNAVAILABLE);
    }

    @ParameterizedTest
    @EnumSource(value = ResultReason.class, names = {"ITEM_NOT_FOUND", "PERMISSION_DENIED", "WRONG_KEY_LIFECYCLE_STATE",
            "OBJECT_DESTROYED", "CRYPTOGRAPHIC_FAILURE", "INVALID_FIELD", "OPERATION_NOT_SUPPORTED", "FEATURE_NOT_SUPPORTED",
            "AUTHENTICATION_NOT_SUCCESSFUL", "OBJECT_ARCHIVED", "NOT_AUTHORISED", "BAD_CRYPTOGRAPHIC_PARAMETERS"})
    void definitiveReasonsAreDenied(ResultReason reason) {
        RootKeyException e = KmipErrors.refused("kmip decrypt k", failed(ResultStatus.OPERATION_FAILED, Optional.of(reason), "no"));
        assertThat(e.failure()).isEqualTo(Failure.DENIED);
        assertThat(e.getMessage()).contains(reason.specName(), "kmip decrypt k", "(no)");
    }

    @Test
    void pendingUndoneOrReasonlessFailuresAreUnavailable() {
        assertThat(KmipErrors.classify(failed(ResultStatus.OPERATION_PENDING, Optional.empty(), ""))).isEqualTo(Failure.UNAVAILABLE);
        assertThat(KmipErrors.classify(failed(ResultStatus.OPERATION_UNDONE, Optional.empty(), ""))).isEqualTo(Failure.UNAVAILABLE);
        assertThat(KmipErrors.classify(failed(ResultStatus.OPERATION_FAILED, Optional.empty(), ""))).isEqualTo(Failure.UNAVAILABLE);
    }

    @Test
    void longServerMessagesAreShortened() {
        String message = KmipErrors.refused("w", failed(ResultStatus.OPERATION_FAILED, Optional.of(ResultReason.ITEM_NOT_FOUND),
                "x".repeat(5000))).getMessage();
        assertThat(message.length()).isLessThan(300);
    }

    @Test
    void transportFailuresAreUnavailableUnlessCertificatesWereRefused() {
        assertThat(transport(new SocketTimeoutException("Read timed out"))).satisfies(e -> {
            assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
            assertThat(e.getMessage()).endsWith("timed out");
        });
        assertThat(transport(new ConnectException("Connection refused")).failure()).isEqualTo(Failure.UNAVAILABLE);
        assertThat(transport(new IOException("Broken pipe")).failure()).isEqualTo(Failure.UNAVAILABLE);
        assertThat(transport(new SSLHandshakeException("Remote host terminated the handshake")).failure())
                .isEqualTo(Failure.UNAVAILABLE);
        assertThat(transport(new SSLHandshakeException("Received fatal alert: certificate_revoked")).failure())
                .isEqualTo(Failure.DENIED);
        assertThat(transport(new SSLHandshakeException("Received fatal alert: unknown_ca")).failure()).isEqualTo(Failure.DENIED);
        assertThat(KmipErrors.transport("w", new KmipException(ResultReason.GENERAL_FAILURE, "closed the connection")).failure())
                .isEqualTo(Failure.UNAVAILABLE);
    }

    private static RootKeyException transport(IOException cause) {
        return KmipErrors.transport("kmip encrypt k",
                new KmipException(ResultReason.GENERAL_FAILURE, "cannot connect: " + cause.getMessage(), cause));
    }
}
