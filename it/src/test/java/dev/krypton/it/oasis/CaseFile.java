package dev.krypton.it.oasis;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.text.KmipXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One OASIS KMIP profile test case (KMIP Profiles 1.4 / 2.1, "test-cases" folders): a sequence of
 * request and expected-response messages in the KMIP XML encoding.
 *
 * <p>Placeholders are resolved at load time as far as they can be without a server:
 * {@code $NOW} and {@code $NOW+n}/{@code $NOW-n} become the run's clock plus the offset (expected
 * responses compare times with a tolerance, see {@link ResponseMatcher}); Byte String placeholders
 * ({@code $IV_COUNTER_NONCE}, {@code $DATA_n}, ...) become {@link Placeholders#sentinel} values that
 * the matcher binds and later requests substitute. Text String placeholders
 * ({@code $UNIQUE_IDENTIFIER_n}) are valid text and are handled the same way at run time.
 */
record CaseFile(String version, String name, List<Exchange> exchanges) {
    private static final Pattern DATE_TIME = Pattern.compile("type=\"DateTime\" value=\"\\$NOW([+-][0-9]+)?\"");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final Pattern BYTES = Pattern.compile("type=\"ByteString\" value=\"\\$([A-Z0-9_]+)\"");

    /** One request and the response the case expects for it. */
    record Exchange(int index, Ttlv request, Ttlv expected) {
    }

    /** The profile a case belongs to: its name up to the "-M-" or "-O-" marker ("CS-BC", "SKLC"). */
    String profile() {
        int cut = name.indexOf("-M-");
        return cut > 0 ? name.substring(0, cut) : name.substring(0, Math.max(0, name.indexOf("-O-")));
    }

    /** Loads {@code file} ("v1.4/SKLC-M-1-14.xml" under {@code root}) with {@code $NOW} = {@code nowEpochSeconds}. */
    static CaseFile load(Path root, String file, long nowEpochSeconds) {
        String xml;
        try {
            xml = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withTimes = DATE_TIME.matcher(xml).replaceAll(m -> {
            long offset = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            return "type=\"DateTime\" value=\"" + ISO.format(Instant.ofEpochSecond(nowEpochSeconds + offset)) + "\"";
        });
        String resolved = BYTES.matcher(withTimes).replaceAll(m ->
                "type=\"ByteString\" value=\"" + Placeholders.sentinelHex(m.group(1)) + "\"");
        List<Ttlv> messages = KmipXml.decodeSequence(resolved, DecodeLimits.DEFAULT);
        if (messages.size() % 2 != 0) {
            throw new IllegalStateException(file + ": odd number of messages");
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += 2) {
            exchanges.add(new Exchange(i / 2, messages.get(i), messages.get(i + 1)));
        }
        String name = Path.of(file).getFileName().toString().replace(".xml", "");
        return new CaseFile(Path.of(file).getParent().toString(), name, List.copyOf(exchanges));
    }
}
