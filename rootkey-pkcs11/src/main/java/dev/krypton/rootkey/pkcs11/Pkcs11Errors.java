package dev.krypton.rootkey.pkcs11;

import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.security.auth.login.FailedLoginException;

/**
 * Classification of SunPKCS11 failures by the PKCS#11 return value ({@code CKR_*}, PKCS#11 base
 * specification section 5.1) found in the exception chain. SunPKCS11's {@code PKCS11Exception} is
 * not exported, so the code is read from its message.
 *
 * <table>
 *   <caption>PKCS#11 result to failure</caption>
 *   <tr><th>result</th><th>failure</th></tr>
 *   <tr><td>{@value #DENIED_CODES_DOC}, a wrong AES-GCM tag, a label not found, a wrong PIN</td><td>DENIED</td></tr>
 *   <tr><td>every other CKR_ code (CKR_SLOT_ID_INVALID, CKR_TOKEN_NOT_PRESENT, CKR_DEVICE_REMOVED,
 *       CKR_DEVICE_ERROR, CKR_SESSION_*, CKR_FUNCTION_FAILED ...), a module that cannot be loaded</td><td>UNAVAILABLE</td></tr>
 * </table>
 */
final class Pkcs11Errors {

    static final String DENIED_CODES_DOC = "CKR_KEY_FUNCTION_NOT_PERMITTED, CKR_KEY_HANDLE_INVALID, CKR_KEY_TYPE_INCONSISTENT, "
            + "CKR_KEY_SIZE_RANGE, CKR_MECHANISM_INVALID, CKR_ENCRYPTED_DATA_INVALID, CKR_ENCRYPTED_DATA_LEN_RANGE, "
            + "CKR_PIN_INCORRECT, CKR_PIN_LOCKED, CKR_PIN_EXPIRED, CKR_PIN_INVALID, CKR_USER_PIN_NOT_INITIALIZED";
    private static final Set<String> DENIED = Set.of(DENIED_CODES_DOC.split(", "));
    private static final Pattern CODE = Pattern.compile("CKR_[A-Z_]+");

    private Pkcs11Errors() {
    }

    static RootKeyException classify(String what, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RootKeyException rke) {
                return rke;
            }
            if (t instanceof AEADBadTagException) {
                return RootKeyException.denied(what + ": blob does not authenticate (wrong key, tenant or tampered)");
            }
            if (t instanceof FailedLoginException) {
                return RootKeyException.denied(what + ": token login failed (PIN refused)");
            }
            Matcher m = CODE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                String code = m.group();
                Failure failure = DENIED.contains(code) ? Failure.DENIED : Failure.UNAVAILABLE;
                return new RootKeyException(failure, what + ": " + code);
            }
        }
        return RootKeyException.unavailable(what + ": " + error.getClass().getSimpleName());
    }

    /** True when the chain says the cached key object handle is no longer valid. */
    static boolean staleHandle(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("CKR_OBJECT_HANDLE_INVALID") || message.contains("CKR_KEY_HANDLE_INVALID")) {
                return true;
            }
        }
        return false;
    }
}
