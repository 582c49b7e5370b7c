package dev.krypton.rootkey.kmip;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.ResultStatus;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;

/**
 * Classification of KMIP answers and transport failures (KMIP 1.4 section 9.1.3.2.29, Result Reason).
 *
 * <table>
 *   <caption>failure to classification</caption>
 *   <tr><th>what happened</th><th>failure</th></tr>
 *   <tr><td>Result Reason General Failure, Internal Server Error, Server Limit Exceeded, the
 *       Protection Storage Unavailable family, Operation Canceled By Requester; Result Status
 *       Operation Pending or Undone; a failed item without a reason</td><td>UNAVAILABLE</td></tr>
 *   <tr><td>every other Result Reason (Item Not Found, Permission Denied, Wrong Key Lifecycle State,
 *       Object Destroyed, Cryptographic Failure, Invalid Field, Operation/Feature Not Supported,
 *       Authentication Not Successful, ...)</td><td>DENIED</td></tr>
 *   <tr><td>TLS handshake refused over certificates (ours rejected by the server: bad_certificate,
 *       certificate_unknown/revoked/expired, unknown_ca, access_denied; theirs rejected by us)</td><td>DENIED</td></tr>
 *   <tr><td>connection refused, connect/handshake/read timeout, any other I/O or framing error</td><td>UNAVAILABLE</td></tr>
 * </table>
 * A General Failure answer to Decrypt is re-examined by {@link KmipRootKey} (PyKMIP reports a
 * wrong GCM tag that way): see there.
 */
final class KmipErrors {

    private static final Set<ResultReason> TRANSIENT = EnumSet.of(ResultReason.GENERAL_FAILURE,
            ResultReason.INTERNAL_SERVER_ERROR, ResultReason.SERVER_LIMIT_EXCEEDED,
            ResultReason.PROTECTION_STORAGE_UNAVAILABLE, ResultReason.PRIVATE_PROTECTION_STORAGE_UNAVAILABLE,
            ResultReason.PUBLIC_PROTECTION_STORAGE_UNAVAILABLE, ResultReason.OPERATION_CANCELED_BY_REQUESTER);
    private static final List<String> CERTIFICATE_ALERTS = List.of("bad_certificate", "certificate_unknown",
            "certificate_revoked", "certificate_expired", "unsupported_certificate", "unknown_ca", "access_denied",
            "certificate_required");
    private static final int MAX_MESSAGE = 200;

    private KmipErrors() {
    }

    /** How a failed batch item is classified. */
    static Failure classify(ResponseBatchItem item) {
        if (item.resultStatus() != ResultStatus.OPERATION_FAILED) {
            return Failure.UNAVAILABLE;
        }
        return item.resultReason().map(r -> TRANSIENT.contains(r) ? Failure.UNAVAILABLE : Failure.DENIED)
                .orElse(Failure.UNAVAILABLE);
    }

    /** The server's refusal as one classified error naming its Result Reason and (shortened) message. */
    static RootKeyException refused(String what, ResponseBatchItem item) {
        String reason = item.resultReason().map(ResultReason::specName).orElse("(no reason)");
        String message = item.resultMessage().orElse("");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return new RootKeyException(classify(item), what + ": " + item.resultStatus().specName() + ", " + reason
                + (message.isEmpty() ? "" : " (" + message + ")"));
    }

    /** A failure of the exchange itself (no answer from the server). */
    static RootKeyException transport(String what, KmipException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException h && certificateProblem(h)) {
                return RootKeyException.denied(what + ": TLS handshake refused over certificates (" + h.getMessage() + ")");
            }
            if (t instanceof SocketTimeoutException) {
                return RootKeyException.unavailable(what + ": timed out");
            }
            if (t instanceof ConnectException) {
                return RootKeyException.unavailable(what + ": connection refused");
            }
        }
        return RootKeyException.unavailable(what + ": " + e.getMessage());
    }

    private static boolean certificateProblem(SSLHandshakeException h) {
        for (Throwable t = h; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        String message = String.valueOf(h.getMessage());
        return CERTIFICATE_ALERTS.stream().anyMatch(message::contains) || message.contains("PKIX");
    }
}
