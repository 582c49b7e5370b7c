package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tags, families and the index refer to each other statically; whichever class a program touches
 * first, every table must come up complete. Each case loads the library afresh.
 */
class InitializationOrderTest {

    /** Entry points, each run first in a fresh class loader; each returns a fact needing all tables. */
    public static final class Probe implements Supplier<String> {
        private final String entry;

        public Probe(String entry) {
            this.entry = entry;
        }

        @Override
        public String get() {
            String first = switch (entry) {
                case "tag" -> Tag.of(0x420028).xmlName();
                case "tagConstant" -> Tag.CRYPTOGRAPHIC_ALGORITHM.xmlName();
                case "family" -> CryptographicAlgorithm.FAMILY.specName();
                case "lookup" -> EnumFamily.enumerationOf(Tag.of(0x420028)).orElseThrow().specName();
                case "exception" -> new KmipException(ResultReason.INVALID_MESSAGE, "x").reason().xmlName();
                case "decoder" -> TtlvDecoder.decode(new byte[] {0x42, 0, 0x28, 5, 0, 0, 0, 4, 0, 0, 0, 3, 0, 0, 0, 0})
                        .tag().xmlName();
                default -> throw new IllegalArgumentException(entry);
            };
            return first + "/" + EnumFamily.enumerationOf(Tag.ATTRIBUTE_REFERENCE).orElseThrow().nameOf(0x420028)
                    + "/" + EnumFamily.enumerationOf(Tag.CRYPTOGRAPHIC_ALGORITHM).orElseThrow().nameOf(3)
                    + "/" + EnumFamily.all().size() + "/" + Tag.knownTags().size();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tag", "tagConstant", "family", "lookup", "exception", "decoder"})
    @SuppressWarnings("unchecked")
    void every_entry_point_brings_up_complete_tables(String entry) throws Exception {
        URL classes = Tag.class.getProtectionDomain().getCodeSource().getLocation();
        URL tests = Probe.class.getProtectionDomain().getCodeSource().getLocation();
        try (var loader = new URLClassLoader(new URL[] {classes, tests}, ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = loader.loadClass(Probe.class.getName());
            assertThat(probe.getClassLoader()).isSameAs(loader);
            var supplier = (Supplier<String>) probe.getConstructor(String.class).newInstance(entry);
            assertThat(supplier.get()).endsWith("/CryptographicAlgorithm/AES/66/372");
            assertThat(List.of(supplier.get().split("/"))).hasSize(5);
        }
    }
}
