package dev.krypton.kmip.text;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.Ttlv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OASIS KMIP Profiles test cases (v1.4 and v2.1) copied into the test resources, read as
 * sequences of request and response messages.
 *
 * <p>The cases hold placeholders where a server chooses the value ({@code $NOW}, {@code $NOW-3600},
 * {@code $IV_COUNTER_NONCE}, ...). The codec rejects them where the type cannot hold them, as it
 * must; {@link #resolvePlaceholders} puts fixed values in their place first: {@code $NOW} is
 * {@link #NOW} plus the offset written after it, and a Byte String placeholder becomes eight
 * bytes derived from its name. Text String placeholders ({@code $UNIQUE_IDENTIFIER_0}) are
 * valid text and stay as they are.
 */
final class OasisCases {
    /** The instant {@code $NOW} stands for. */
    static final long NOW = 1_767_225_600L;

    private static final Pattern DATE_TIME = Pattern.compile("type=\"DateTime\" value=\"\\$NOW([+-][0-9]+)?\"");
    private static final Pattern BYTES = Pattern.compile("type=\"ByteString\" value=\"\\$([A-Z0-9_]+)\"");

    /** One message of one case file. */
    record Message(String file, int index, Ttlv item) {
        @Override
        public String toString() {
            return file + "#" + index;
        }
    }

    private OasisCases() {
    }

    /** The case files, as paths relative to the resource folder ("v1.4/CS-BC-M-1-14.xml"), sorted. */
    static List<String> files() {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(p -> p.toString().endsWith(".xml"))
                    .map(p -> root().relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw text of one case file. */
    static String text(String file) {
        try {
            return Files.readString(root().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message of every file, decoded from XML after placeholders are resolved. */
    static List<Message> messages() {
        List<Message> all = new ArrayList<>();
        for (String file : files()) {
            List<Ttlv> items = KmipXml.decodeSequence(resolvePlaceholders(text(file)), DecodeLimits.DEFAULT);
            for (int i = 0; i < items.size(); i++) {
                all.add(new Message(file, i, items.get(i)));
            }
        }
        return all;
    }

    /** The text with Date-Time and Byte String placeholders replaced by fixed values. */
    static String resolvePlaceholders(String xml) {
        Matcher dates = DATE_TIME.matcher(xml);
        String withDates = dates.replaceAll(m -> {
            long offset = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            return "type=\"DateTime\" value=\"" + ValueText.dateTime(NOW + offset) + "\"";
        });
        return BYTES.matcher(withDates).replaceAll(m -> "type=\"ByteString\" value=\""
                + HexFormat.of().toHexDigits((long) m.group(1).hashCode() * 0x9E3779B97F4A7C15L) + "\"");
    }

    private static Path root() {
        try {
            return Path.of(OasisCases.class.getResource("/kmip-testcases").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
