package dev.krypton.rootkey.aws;

import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Classification of AWS KMS errors by error code ({@code __type} of the JSON 1.1 error body).
 *
 * <table>
 *   <caption>error code to failure</caption>
 *   <tr><th>error</th><th>failure</th></tr>
 *   <tr><td>{@value #DENIED_DOC}</td><td>DENIED</td></tr>
 *   <tr><td>ThrottlingException, LimitExceededException, KMSInternalException, KeyUnavailableException,
 *       DependencyTimeoutException, ExpiredTokenException, any HTTP 5xx, any other 4xx code not listed,
 *       client-side failures (connection refused, timeouts, unreadable response)</td><td>UNAVAILABLE</td></tr>
 * </table>
 */
final class AwsKmsErrors {

    static final String DENIED_DOC = "DisabledException, KMSInvalidStateException, NotFoundException, "
            + "AccessDeniedException, InvalidCiphertextException, IncorrectKeyException, InvalidKeyUsageException, "
            + "InvalidGrantTokenException, UnrecognizedClientException, InvalidSignatureException, "
            + "IncompleteSignature, ValidationException";
    private static final Set<String> DENIED = Set.of(DENIED_DOC.split(", "));

    private AwsKmsErrors() {
    }

    static Failure classify(int status, String code) {
        if (status >= 500) {
            return Failure.UNAVAILABLE;
        }
        return DENIED.contains(code) ? Failure.DENIED : Failure.UNAVAILABLE;
    }

    static RootKeyException classify(String what, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "unknown" : service.awsErrorDetails().errorCode();
            return new RootKeyException(classify(service.statusCode(), code),
                    what + ": " + code + " (HTTP " + service.statusCode() + ")");
        }
        String kind = e instanceof SdkClientException ? e.getClass().getSimpleName() : "SDK error";
        return RootKeyException.unavailable(what + ": " + kind);
    }
}
