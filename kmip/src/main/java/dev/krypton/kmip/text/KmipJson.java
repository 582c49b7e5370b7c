package dev.krypton.kmip.text;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Ttlv;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The KMIP JSON encoding of TTLV (KMIP Profiles 1.4 section 5.5, KMIP Profiles 2.1 section 6.5).
 *
 * <pre>{@code
 * {"tag": "RequestMessage", "value": [                              Structure: array, no type
 *   {"tag": "BatchCount", "type": "Integer", "value": 1},
 *   {"tag": "Operation", "type": "Enumeration", "value": "Encrypt"},  name, or hex "0x80123456"
 *   {"tag": "CryptographicUsageMask", "type": "Integer", "value": "Encrypt|Decrypt"},
 *   {"tag": "Data", "type": "ByteString", "value": "0123abcd"},
 *   {"tag": "Modulus", "type": "BigInteger", "value": "0x00000000000000ff"},
 *   {"tag": "0x540001", "type": "TextString", "value": "x"}          a tag without a name
 * ]}
 * }</pre>
 *
 * <p>The parser is this module's own (strict RFC 8259, no dependencies), bounded by
 * {@link DecodeLimits}: input size, nesting depth and item count. Every failure is a
 * {@link KmipException} with reason Invalid Message or Invalid Field.
 */
public final class KmipJson {
    private KmipJson() {
    }

    /** The JSON of one item (a whole message or any part), indented. */
    public static String encode(Ttlv item) {
        return JsonWriter.write(item);
    }

    /** Decodes one item with the default limits. */
    public static Ttlv decode(String json) {
        return decode(json, DecodeLimits.DEFAULT);
    }

    /** Decodes one item; the size limit counts characters. */
    public static Ttlv decode(String json, DecodeLimits limits) {
        Budget.checkSize(json.length(), limits);
        return JsonReader.read(JsonParser.parse(json, limits), limits);
    }

    /** Decodes one item from UTF-8 bytes; the size limit counts bytes. */
    public static Ttlv decode(byte[] json, DecodeLimits limits) {
        Budget.checkSize(json.length, limits);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString();
            return decode(text, limits);
        } catch (CharacterCodingException notUtf8) {
            throw Fail.message("JSON is not UTF-8", notUtf8);
        }
    }
}
