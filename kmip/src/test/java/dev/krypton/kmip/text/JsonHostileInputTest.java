package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and malformed JSON: every one is one KmipException with a KMIP result reason. */
class JsonHostileInputTest {

    private static final String NAME = "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": \"a\"}";

    private static String nested(int depth) {
        return "{\"tag\": \"Attribute\", \"value\": [".repeat(depth) + "]}".repeat(depth);
    }

    @Test
    void nesting_beyond_the_depth_limit_is_refused_and_within_it_accepted() {
        DecodeLimits limits = DecodeLimits.DEFAULT.withMaxDepth(4);
        assertThat(KmipJson.decode(nested(4), limits)).isInstanceOf(Ttlv.Structure.class);
        assertThatThrownBy(() -> KmipJson.decode(nested(5), limits)).isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> KmipJson.decode("[".repeat(200_000))).isInstanceOf(KmipException.class);
    }

    @Test
    void more_items_than_the_limit_are_refused() {
        String json = "{\"tag\": \"Attribute\", \"value\": [" + String.join(",", java.util.Collections.nCopies(9, NAME)) + "]}";
        assertThat(KmipJson.decode(json, DecodeLimits.DEFAULT.withMaxItems(10))).isInstanceOf(Ttlv.Structure.class);
        assertThatThrownBy(() -> KmipJson.decode(json, DecodeLimits.DEFAULT.withMaxItems(9)))
                .isInstanceOf(KmipException.class);
        String numbers = "[" + "1,".repeat(100) + "1]";
        assertThatThrownBy(() -> KmipJson.decode(numbers, DecodeLimits.DEFAULT.withMaxItems(10)))
                .isInstanceOf(KmipException.class);
    }

    @Test
    void documents_over_the_size_limit_are_refused() {
        DecodeLimits small = DecodeLimits.DEFAULT.withMaxMessageBytes(32);
        assertThatThrownBy(() -> KmipJson.decode(NAME, small)).isInstanceOf(KmipException.class);
    }

    @Test
    void bytes_that_are_not_utf8_are_refused() {
        byte[] json = {'{', '"', (byte) 0xC3, '"', ':', '1', '}'};
        assertThatThrownBy(() -> KmipJson.decode(json, DecodeLimits.DEFAULT)).isInstanceOf(KmipException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "{", "[]", "null", "\"x\"", "{\"tag\": \"NameValue\"}", "{\"tag\": 1, \"value\": []}",
        NAME + " x", NAME + ",", "{\"tag\": \"NameValue\", \"tag\": \"NameValue\", \"value\": []}",
        "{\"tag\": \"NameValue\", \"value\": [], }", "{\"tag\": \"NameValue\", \"value\": [1,]}",
        "// c\n" + NAME, "{'tag': 'NameValue', 'value': []}", "{\"tag\": \"NameValue\", \"value\": [], \"x\": 1}",
        "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": \"\\uD800\"}",
        "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": \"\\uDC00x\"}",
        "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": \"\\x\"}",
        "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": \"\\u12\"}",
        "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": \"a\tb\"}",
        "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": 1}",
        "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": null}",
        "{\"tag\": \"BatchCount\", \"type\": \"Integer\", \"value\": 01}",
        "{\"tag\": \"BatchCount\", \"type\": \"Integer\", \"value\": 1.5}",
        "{\"tag\": \"BatchCount\", \"type\": \"Integer\", \"value\": 1e3}",
        "{\"tag\": \"BatchCount\", \"type\": \"Integer\", \"value\": NaN}",
        "{\"tag\": \"BatchCount\", \"type\": \"Integer\", \"value\": 2147483648}",
        "{\"tag\": \"BatchCount\", \"type\": \"Integer\", \"value\": true}",
        "{\"tag\": \"BatchCount\", \"type\": \"Integer\", \"value\": [1]}",
        "{\"tag\": \"Fresh\", \"type\": \"Boolean\", \"value\": \"yes\"}",
        "{\"tag\": \"Modulus\", \"type\": \"BigInteger\", \"value\": 1.0}",
        "{\"tag\": \"Attribute\", \"value\": {}}", "{\"tag\": \"Attribute\", \"value\": [1]}",
        "{\"tag\": \"NoSuchTag\", \"value\": []}", "{\"tag\": \"NameValue\", \"type\": \"Nope\", \"value\": 1}"})
    void malformed_documents_fail_with_one_kmip_exception(String json) {
        assertThatThrownBy(() -> KmipJson.decode(json))
                .isInstanceOfSatisfying(KmipException.class, e -> assertThat(e.reason())
                        .isIn(ResultReason.INVALID_MESSAGE, ResultReason.INVALID_FIELD));
    }

    @Test
    void escapes_and_surrogate_pairs_decode_to_the_text_they_stand_for() {
        String json = "{\"tag\": \"NameValue\", \"type\": \"TextString\", \"value\": \"\\u00e9\\ud83d\\ude00\\n\\/\"}";
        assertThat(KmipJson.decode(json)).isEqualTo(new Ttlv.TextString(Tag.NAME_VALUE, "é😀\n/"));
    }

    @Test
    void text_without_a_utf8_form_is_refused_when_encoding() {
        assertThatThrownBy(() -> KmipJson.encode(new Ttlv.TextString(Tag.NAME_VALUE, "\uDC00")))
                .isInstanceOf(KmipException.class);
    }
}
