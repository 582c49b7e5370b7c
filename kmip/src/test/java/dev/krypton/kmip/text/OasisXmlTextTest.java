package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.Ttlv;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Re-encoding an OASIS case gives the same XML, element by element: the same names, types and
 * values in the same order. The only liberties the encoding allows are normalized away: the order
 * of flag names in a mask, the case of hex digits and the time zone offset of a date-time (the
 * encoder writes UTC; some cases write +10:00).
 */
class OasisXmlTextTest {

    /** One element as the comparison sees it. */
    record Element(String name, String type, String value) {
    }

    static List<String> files() {
        return OasisCases.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void re_encoded_xml_has_the_elements_types_and_values_of_the_original(String file) throws XMLStreamException {
        String original = OasisCases.resolvePlaceholders(OasisCases.text(file));
        StringBuilder again = new StringBuilder("<KMIP>\n");
        for (Ttlv message : KmipXml.decodeSequence(original, DecodeLimits.DEFAULT)) {
            again.append(KmipXml.encode(message));
        }
        again.append("</KMIP>\n");
        assertThat(elements(again.toString())).containsExactlyElementsOf(elements(original));
    }

    private static List<Element> elements(String xml) throws XMLStreamException {
        XMLStreamReader reader = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new StringReader(xml));
        List<Element> out = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && !reader.getLocalName().equals("KMIP")) {
                String type = reader.getAttributeValue(null, "type");
                out.add(new Element(reader.getLocalName(), type, normalize(type, reader.getAttributeValue(null, "value"))));
            }
        }
        return out;
    }

    private static String normalize(String type, String value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case "Integer" -> String.join(" ", Arrays.stream(value.split("[ |]+")).sorted().toList());
            case "ByteString", "BigInteger" -> value.toLowerCase(Locale.ROOT);
            case "DateTime" -> OffsetDateTime.parse(value).toInstant().toString();
            default -> value;
        };
    }
}
