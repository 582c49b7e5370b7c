package dev.krypton.rootkey.vault;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.TlsTrust;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One transit HTTP call: POST a JSON body with {@code X-Vault-Token}, return the success body or
 * throw the classified error. Request and response bodies that carry key bytes are byte arrays the
 * caller zeroes; the JDK HttpClient's own buffers are outside our reach (see the module README).
 */
final class TransitClient implements AutoCloseable {

    static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_ERROR_TEXT = 300;

    private final VaultConfig config;
    private final HttpClient http;

    TransitClient(VaultConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.caFile().map(TlsTrust::trusting).ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** POSTs {@code body} to {@code /v1/<mount>/<operation>/<key>}; the returned body is the caller's to zero. */
    byte[] post(String operation, String keyName, byte[] body) {
        String what = "vault-transit " + operation + " " + keyName;
        char[] token = config.token().read();
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(config.endpoint(operation, keyName))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Vault-Token", new String(token))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (!config.namespace().isEmpty()) {
                request.header("X-Vault-Namespace", config.namespace());
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw TransitErrors.fromIo(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RootKeyException.unavailable(what + ": interrupted");
        } finally {
            Arrays.fill(token, '\0');
        }
        if (response.statusCode() / 100 != 2) {
            throw TransitErrors.fromStatus(what, response.statusCode(), errors(response.body()));
        }
        return response.body();
    }

    /** The {@code errors} array of a Vault error body, joined and shortened; never request data. */
    static String errors(byte[] body) {
        List<String> errors = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("errors".equals(field) && value == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            errors.add(p.getText().strip());
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            return "(unreadable error body)";
        }
        String text = errors.isEmpty() ? "(no errors field)" : String.join("; ", errors);
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "..." : text;
    }

    @Override
    public void close() {
        http.close();
    }
}
