package dev.krypton.kmip.text;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Ttlv;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The KMIP XML encoding (KMIP Profiles 1.4 section 5.4, KMIP Profiles 2.1 section 6.4).
 *
 * <pre>{@code
 * <RequestMessage>                                       Structure: nested elements
 *   <RequestHeader>
 *     <ProtocolVersion>
 *       <ProtocolVersionMajor type="Integer" value="1"/>
 *   ...
 *   <Operation type="Enumeration" value="Query"/>          Enumeration: name, or hex "0x80123456"
 *   <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>   mask: flag names
 *   <KeyMaterial type="ByteString" value="0123abcd"/>     Byte String and Big Integer: hex
 *   <TimeStamp type="DateTime" value="2001-01-01T10:00:00+00:00"/>
 *   <TTLV tag="0x540001" type="TextString" value="x"/>     a tag without a name
 * }</pre>
 *
 * <p>Decoding runs the JDK's StAX parser with DTDs and external entities disabled, and rejects a
 * document containing a DTD or an entity reference, so no XXE or entity expansion is possible.
 * The input size, the item count and the nesting depth are bounded by {@link DecodeLimits}
 * (the size counts bytes or characters of the XML text). Every failure is a {@link KmipException}
 * with reason Invalid Message (malformed document) or Invalid Field (a value its type cannot hold).
 */
public final class KmipXml {
    private KmipXml() {
    }

    /** The XML of one item (a whole message or any part), indented, without XML declaration. */
    public static String encode(Ttlv item) {
        return XmlWriter.write(item);
    }

    /** Decodes a document whose root element is one item, with the default limits. */
    public static Ttlv decode(String xml) {
        return decode(xml, DecodeLimits.DEFAULT);
    }

    /** Decodes a document whose root element is one item. */
    public static Ttlv decode(String xml, DecodeLimits limits) {
        Budget.checkSize(xml.length(), limits);
        return parse(() -> factory().createXMLStreamReader(new StringReader(xml)), limits, false).getFirst();
    }

    /** Decodes a document, in UTF-8 or the encoding its XML declaration names, whose root is one item. */
    public static Ttlv decode(byte[] xml, DecodeLimits limits) {
        Budget.checkSize(xml.length, limits);
        return parse(() -> factory().createXMLStreamReader(new ByteArrayInputStream(xml)), limits, false).getFirst();
    }

    /**
     * Decodes a document whose root element (of any name, such as the OASIS test cases'
     * {@code <KMIP>}) holds a sequence of items; the limits apply to the whole document.
     */
    public static List<Ttlv> decodeSequence(String xml, DecodeLimits limits) {
        Budget.checkSize(xml.length(), limits);
        return parse(() -> factory().createXMLStreamReader(new StringReader(xml)), limits, true);
    }

    private interface Opener {
        XMLStreamReader open() throws XMLStreamException;
    }

    private static List<Ttlv> parse(Opener opener, DecodeLimits limits, boolean wrapped) {
        XMLStreamReader reader = null;
        try {
            reader = opener.open();
            return new XmlReader(reader, limits, wrapped).read();
        } catch (XMLStreamException malformed) {
            throw Fail.message("malformed XML", malformed);
        } finally {
            close(reader);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over an in-memory buffer releases nothing that could fail
            }
        }
    }

    /** The JDK's own StAX implementation, hardened: no DTD, no external entity, no entity expansion. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entities are refused");
        });
        return factory;
    }
}
