package dev.krypton.kmip.text;

import dev.krypton.kmip.TtlvEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the seed corpus of {@link DecoderFuzzTest}: every twentieth OASIS message under 4 KiB
 * (the fuzzer's default input size bound), as TTLV bytes, XML and JSON. Run from the module
 * folder after changing the encoders:
 * <pre>
 * java -cp target/classes:target/test-classes dev.krypton.kmip.text.FuzzSeeds src/test/resources
 * </pre>
 */
final class FuzzSeeds {
    private static final int MAX_SEED_BYTES = 4096;

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args[0], "dev/krypton/kmip/text/DecoderFuzzTestInputs");
        List<OasisCases.Message> messages = OasisCases.messages();
        for (int i = 0; i < messages.size(); i += 20) {
            OasisCases.Message m = messages.get(i);
            String name = "oasis-" + m.file().replace('/', '-').replace(".xml", "") + "-" + m.index();
            write(base.resolve("ttlv_decoder_only_throws_kmip_exceptions"), name, TtlvEncoder.encode(m.item()));
            write(base.resolve("xml_decoder_only_throws_kmip_exceptions"), name,
                    KmipXml.encode(m.item()).getBytes(StandardCharsets.UTF_8));
            write(base.resolve("json_decoder_only_throws_kmip_exceptions"), name,
                    KmipJson.encode(m.item()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        if (bytes.length <= MAX_SEED_BYTES) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
        }
    }
}
