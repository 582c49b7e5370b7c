package dev.krypton.rootkey.vault;

import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * Classification of transit answers (Vault HTTP API: errors come as {@code {"errors": [...]}}).
 *
 * <table>
 *   <caption>status to failure</caption>
 *   <tr><th>status / error</th><th>failure</th></tr>
 *   <tr><td>400 (encryption key not found, message authentication failed, invalid ciphertext,
 *       version disallowed by policy), 401, 403 permission denied, 404, 405</td><td>DENIED</td></tr>
 *   <tr><td>other 4xx</td><td>DENIED</td></tr>
 *   <tr><td>412, 429, 5xx (sealed, standby, internal error), timeout, connection refused, I/O
 *       error, unreadable success body</td><td>UNAVAILABLE</td></tr>
 * </table>
 */
final class TransitErrors {

    private TransitErrors() {
    }

    static Failure classify(int status) {
        if (status == 412 || status == 429 || status >= 500) {
            return Failure.UNAVAILABLE;
        }
        return Failure.DENIED;
    }

    static RootKeyException fromStatus(String what, int status, String errors) {
        return new RootKeyException(classify(status), what + ": HTTP " + status + " " + errors);
    }

    static RootKeyException fromIo(String what, IOException e) {
        String kind = e instanceof HttpTimeoutException ? "timed out"
                : e instanceof ConnectException ? "connection refused"
                : "I/O error " + e.getClass().getSimpleName();
        return RootKeyException.unavailable(what + ": " + kind);
    }
}
