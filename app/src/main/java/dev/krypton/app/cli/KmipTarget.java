package dev.krypton.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.krypton.app.AppException;
import dev.krypton.app.node.DevPki;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponsePayload;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The options every {@code krypton kmip} subcommand shares: where the KMIP server is, the client
 * identity for mutual TLS (by default the gateway certificate of a {@code krypton dev} data folder),
 * and whether to answer in JSON. {@link #call} tells a refusal by the server (exit code 3) from a
 * server that could not be reached or answered unreadably (exit code 4).
 */
public final class KmipTarget {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "KMIP server address (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "5696", description = "KMIP server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--cert", paramLabel = "PEM", description = "Client certificate (default: the dev gateway certificate in --data-dir).")
    Path cert;

    @Option(names = "--key", paramLabel = "PEM", description = "PKCS#8 private key of --cert (default: the dev gateway key in --data-dir).")
    Path key;

    @Option(names = "--ca", paramLabel = "PEM", description = "CA certificates trusted for the server (default: the dev CA in --data-dir).")
    Path ca;

    @Option(names = "--data-dir", defaultValue = "krypton-dev",
            description = "Dev node folder whose pki/ gives the defaults of --cert, --key and --ca (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--timeout-ms", defaultValue = "30000", description = "Connect and response timeout (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Option(names = "--json", description = "Print one JSON document instead of plain text.")
    boolean json;

    /** Opens a client; nothing is sent until the first call. */
    KmipClient open() {
        Path pki = dataDir.resolve("pki");
        Path c = pick(cert, pki.resolve(DevPki.GATEWAY + ".pem"), "--cert");
        Path k = pick(key, pki.resolve(DevPki.GATEWAY + ".key"), "--key");
        Path a = pick(ca, pki.resolve("ca.pem"), "--ca");
        if (timeoutMs < 1) {
            throw AppException.usage("--timeout-ms must be positive");
        }
        try {
            Duration timeout = Duration.ofMillis(timeoutMs);
            return KmipClient.open(ClientConfig.of(host, port, TlsSettings.fromPem(c, k, a))
                    .withTimeouts(timeout, timeout).withMaxConnections(1));
        } catch (KmipException e) {
            throw AppException.usage("cannot use the client identity: " + e.getMessage());
        }
    }

    private static Path pick(Path given, Path dev, String option) {
        Path p = given != null ? given : dev;
        if (!Files.isReadable(p)) {
            throw AppException.usage(given != null ? option + ": cannot read " + p
                    : "no " + option + " given and no dev PKI file " + p + " (run krypton dev, or give --cert, --key and --ca)");
        }
        return p;
    }

    /** Sends one payload; the typed answer, or exit code 3 for a refusal and 4 for a transport failure. */
    static <R extends ResponsePayload> R call(KmipClient client, RequestPayload payload, Class<R> type) {
        ResponseBatchItem item;
        try {
            item = client.send(RequestMessage.of(client.config().version(), payload)).batchItems().getFirst();
        } catch (KmipException e) {
            throw AppException.unreachable(e.getMessage(), e);
        }
        if (!item.isSuccess()) {
            throw AppException.kmipError("KMIP " + item.resultStatus().specName() + ": "
                    + item.resultReason().orElse(ResultReason.GENERAL_FAILURE).specName()
                    + item.resultMessage().map(m -> " (" + m + ")").orElse(""));
        }
        try {
            return KmipClient.payloadOf(item, type);
        } catch (KmipException e) {
            throw AppException.unreachable("unexpected answer: " + e.getMessage(), e);
        }
    }

    /** Prints {@code document} as JSON when {@code --json}, else {@code text}. */
    void print(PrintWriter out, String text, Map<String, ?> document) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw AppException.failure("cannot write JSON: " + e.getOriginalMessage(), e);
            }
        } else {
            out.println(text);
        }
        out.flush();
    }
}
