package dev.krypton.it.oasis;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.client.TlsSettings;
import java.io.IOException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a test case against a server, message by message on one TLS connection, stopping at the
 * first response that differs from the case.
 */
final class CaseRunner {
    private static final Set<String> GENERATING = Set.of("Create", "ReKey");
    private final String host;
    private final int port;
    private final TlsSettings tls;

    CaseRunner(String host, int port, TlsSettings tls) {
        this.host = host;
        this.port = port;
        this.tls = tls;
    }

    CaseResult run(CaseFile testCase) {
        var placeholders = new Placeholders();
        var matcher = new ResponseMatcher(placeholders, suppliedBytes(testCase));
        Set<String> generated = new HashSet<>();
        try (var channel = TtlvChannel.open(host, port, tls)) {
            for (CaseFile.Exchange exchange : testCase.exchanges()) {
                String where = "message " + exchange.index() + " (" + operationOf(exchange.request()) + ")";
                Ttlv request;
                try {
                    request = placeholders.substitute(exchange.request());
                } catch (Placeholders.UnboundPlaceholder e) {
                    return new CaseResult.Failed(testCase, where + ": " + e.getMessage());
                }
                Ttlv actual;
                try {
                    actual = channel.exchange(request);
                } catch (IOException | RuntimeException e) {
                    return new CaseResult.Failed(testCase, where + ": no valid response (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
                }
                Optional<String> mismatch = matcher.compare(exchange.expected(), actual,
                        randomTags(exchange.request(), exchange.expected(), placeholders, generated));
                if (mismatch.isPresent()) {
                    return new CaseResult.Failed(testCase, where + ": " + mismatch.get() + resultOf(actual));
                }
                if (GENERATING.contains(operationOf(request))) {
                    firstBatchItem(actual).flatMap(b -> b.find(Tag.RESPONSE_PAYLOAD)).filter(Structure.class::isInstance)
                            .flatMap(p -> ((Structure) p).find(Tag.UNIQUE_IDENTIFIER))
                            .ifPresent(id -> generated.add(((Ttlv.TextString) id).value()));
                }
            }
            return new CaseResult.Passed(testCase);
        } catch (IOException e) {
            return new CaseResult.Failed(testCase, "TLS connection failed: " + e.getMessage());
        }
    }

    /**
     * Server randomness in the answer to {@code request} (as the case wrote it, before substitution):
     * RNG Retrieve data; an Encrypt's IV/Counter/Nonce when the request gave none and the case
     * expects one (Random IV), with the ciphertext and tag made under it; and for a key the server
     * generated in this run (Create, ReKey), the ciphertext of an Encrypt, the plaintext of a Decrypt
     * of a ciphertext the case made (not one this server returned) and the Digest Value, which
     * depend on key material the case cannot know.
     */
    private static Set<Tag> randomTags(Ttlv request, Ttlv expected, Placeholders placeholders, Set<String> generated) {
        String operation = operationOf(request);
        if (operation.equals("RNGRetrieve")) {
            return Set.of(Tag.DATA);
        }
        Optional<Structure> payload = firstBatchItem(request).flatMap(b -> b.find(Tag.REQUEST_PAYLOAD))
                .filter(Structure.class::isInstance).map(Structure.class::cast);
        boolean serverIv = operation.equals("Encrypt") && payload.flatMap(p -> p.find(Tag.IV_COUNTER_NONCE)).isEmpty()
                && firstBatchItem(expected).flatMap(b -> b.find(Tag.RESPONSE_PAYLOAD)).filter(Structure.class::isInstance)
                        .flatMap(p -> ((Structure) p).find(Tag.IV_COUNTER_NONCE)).isPresent();
        if (serverIv) {
            return Set.of(Tag.DATA, Tag.IV_COUNTER_NONCE, Tag.AUTHENTICATED_ENCRYPTION_TAG);
        }
        boolean generatedKey = payload.flatMap(p -> p.find(Tag.UNIQUE_IDENTIFIER))
                .map(placeholders::substitute)
                .filter(id -> id instanceof Ttlv.TextString t && generated.contains(t.value())).isPresent();
        if (!generatedKey) {
            return Set.of();
        }
        return switch (operation) {
            case "Encrypt" -> Set.of(Tag.DATA, Tag.DIGEST_VALUE, Tag.AUTHENTICATED_ENCRYPTION_TAG);
            case "Decrypt" -> payload.flatMap(p -> p.find(Tag.DATA)).filter(placeholders::isServerChoice).isPresent()
                    ? Set.of(Tag.DIGEST_VALUE) : Set.of(Tag.DATA, Tag.DIGEST_VALUE);
            default -> Set.of(Tag.DIGEST_VALUE);
        };
    }

    /** Hex of every Byte String in the case's requests: values the client chose, never server randomness. */
    private static Set<String> suppliedBytes(CaseFile testCase) {
        Set<String> all = new HashSet<>();
        testCase.exchanges().forEach(e -> collectBytes(e.request(), all));
        return all;
    }

    private static void collectBytes(Ttlv item, Set<String> into) {
        switch (item) {
            case Structure s -> s.items().forEach(i -> collectBytes(i, into));
            case Ttlv.ByteString b -> into.add(HexFormat.of().formatHex(b.value()));
            default -> { }
        }
    }

    private static String operationOf(Ttlv request) {
        return firstBatchItem(request).flatMap(b -> b.find(Tag.OPERATION)).map(Values::show).map(CaseRunner::valueOnly).orElse("?");
    }

    /** The server's own result status/reason/message of the first failed item, to explain a mismatch. */
    private static String resultOf(Ttlv actual) {
        Optional<Structure> item = firstBatchItem(actual);
        Optional<String> reason = item.flatMap(b -> b.find(Tag.RESULT_REASON)).map(Values::show).map(CaseRunner::valueOnly);
        Optional<String> message = item.flatMap(b -> b.find(Tag.RESULT_MESSAGE)).map(Values::show).map(CaseRunner::valueOnly);
        if (reason.isEmpty() && message.isEmpty()) {
            return "";
        }
        return " [server said: " + reason.orElse("") + (message.isPresent() ? " \"" + message.get() + "\"" : "") + "]";
    }

    private static Optional<Structure> firstBatchItem(Ttlv message) {
        return message instanceof Structure s
                ? s.find(Tag.BATCH_ITEM).filter(Structure.class::isInstance).map(Structure.class::cast)
                : Optional.empty();
    }

    private static String valueOnly(String xml) {
        int at = xml.indexOf("value=\"");
        return at < 0 ? xml : xml.substring(at + 7, xml.indexOf('"', at + 7));
    }
}
