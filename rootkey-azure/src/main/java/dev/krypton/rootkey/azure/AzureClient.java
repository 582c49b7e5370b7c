package dev.krypton.rootkey.azure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.TlsTrust;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;

/**
 * One Key Vault REST call with a bearer token, and the classification of its errors
 * ({@code {"error": {"code": "Forbidden", "message": "...", "innererror": {...}}}}).
 *
 * <table>
 *   <caption>HTTP status to failure</caption>
 *   <tr><th>status / code</th><th>failure</th></tr>
 *   <tr><td>400 BadParameter (ciphertext does not decrypt), 403 Forbidden (access policy / RBAC,
 *       operation not permitted, disabled key), 404 KeyNotFound, other 4xx except 401, 408 and 429</td><td>DENIED</td></tr>
 *   <tr><td>401 Unauthorized (the platform's token to refresh), 408, 429 Throttled, 5xx, timeouts,
 *       connection refused, I/O errors</td><td>UNAVAILABLE</td></tr>
 * </table>
 */
final class AzureClient implements AutoCloseable {

    static final JsonFactory JSON = new JsonFactory();

    private final AzureConfig config;
    private final HttpClient http;

    AzureClient(AzureConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.caFile().map(TlsTrust::trusting).ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    static Failure classify(int status) {
        return status == 401 || status == 408 || status == 429 || status >= 500 ? Failure.UNAVAILABLE : Failure.DENIED;
    }

    /** POSTs {@code body} to {@code uri}; the returned body is the caller's to zero. */
    byte[] post(String what, URI uri, byte[] body) {
        char[] token = config.token().read();
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri)
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
            throw new RootKeyException(classify(response.statusCode()),
                    what + ": HTTP " + response.statusCode() + " " + errorCode(response.body()));
        }
        return response.body();
    }

    /** {@code error.code} of a Key Vault error body. */
    static String errorCode(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("error".equals(field) && value == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = p.currentName();
                            p.nextToken();
                            if ("code".equals(inner)) {
                                return p.getText();
                            }
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            return "(unreadable error body)";
        }
        return "(no error code)";
    }

    @Override
    public void close() {
        http.close();
    }
}
