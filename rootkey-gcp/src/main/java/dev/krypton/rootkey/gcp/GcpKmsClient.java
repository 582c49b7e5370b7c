package dev.krypton.rootkey.gcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.TlsTrust;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.Set;

/**
 * One Cloud KMS REST call with a bearer token, and the classification of its errors
 * ({@code {"error": {"code": 403, "message": "...", "status": "PERMISSION_DENIED"}}}, google.rpc.Code).
 *
 * <table>
 *   <caption>status to failure</caption>
 *   <tr><th>status</th><th>failure</th></tr>
 *   <tr><td>{@value #DENIED_DOC}</td><td>DENIED</td></tr>
 *   <tr><td>UNAUTHENTICATED (an expired token is the platform's to refresh), RESOURCE_EXHAUSTED,
 *       UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN, ABORTED, any 5xx, timeouts, connection
 *       refused, I/O errors</td><td>UNAVAILABLE</td></tr>
 * </table>
 */
final class GcpKmsClient implements AutoCloseable {

    static final JsonFactory JSON = new JsonFactory();
    static final String DENIED_DOC = "PERMISSION_DENIED, NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT, OUT_OF_RANGE";
    private static final Set<String> DENIED = Set.of(DENIED_DOC.split(", "));

    private final GcpKmsConfig config;
    private final HttpClient http;

    GcpKmsClient(GcpKmsConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.caFile().map(TlsTrust::trusting).ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** POSTs {@code body} to {@code v1/<key>:<method>}; the returned body is the caller's to zero. */
    byte[] post(String keyName, String method, byte[] body) {
        String what = "gcp-kms " + method + " " + keyName;
        char[] token = config.token().read();
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(config.method(keyName, method))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + new String(token))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw RootKeyException.unavailable(what + ": timed out");
        } catch (ConnectException e) {
            throw RootKeyException.unavailable(what + ": connection refused");
        } catch (IOException e) {
            throw RootKeyException.unavailable(what + ": I/O error " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RootKeyException.unavailable(what + ": interrupted");
        } finally {
            Arrays.fill(token, '\0');
        }
        if (response.statusCode() / 100 != 2) {
            String status = errorStatus(response.body());
            Failure failure = response.statusCode() < 500 && DENIED.contains(status) ? Failure.DENIED : Failure.UNAVAILABLE;
            throw new RootKeyException(failure, what + ": HTTP " + response.statusCode() + " " + status);
        }
        return response.body();
    }

    /** The {@code error.status} of a google.rpc error body. */
    static String errorStatus(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "UNKNOWN";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("error".equals(field) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        p.nextToken();
                        if ("status".equals(inner)) {
                            return p.getText();
                        }
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return "UNKNOWN";
        }
        return "UNKNOWN";
    }

    @Override
    public void close() {
        http.close();
    }
}
