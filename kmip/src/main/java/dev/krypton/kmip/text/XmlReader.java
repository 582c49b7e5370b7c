package dev.krypton.kmip.text;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.ItemType;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads KMIP XML from a StAX event stream into TTLV items, without recursion: open structures
 * are a stack. Whitespace, comments and processing instructions between elements are skipped;
 * any other text, a DTD or an entity reference fails the document.
 */
final class XmlReader {
    private final XMLStreamReader xml;
    private final Budget budget;
    private final boolean wrapped;
    private final Deque<Frame> open = new ArrayDeque<>();
    /** The document level: collects the items the document yields; its tag is never read. */
    private final Frame top = new Frame(Tag.REQUEST_MESSAGE);
    private boolean wrapperSeen;

    private record Frame(Tag tag, List<Ttlv> items, ValueNames names) {
        Frame(Tag tag) {
            this(tag, new ArrayList<>(), new ValueNames());
        }

        void add(Ttlv item) {
            items.add(item);
            names.saw(item);
        }
    }

    XmlReader(XMLStreamReader xml, DecodeLimits limits, boolean wrapped) {
        this.xml = xml;
        this.budget = new Budget(limits);
        this.wrapped = wrapped;
    }

    /** The items of the document: its root, or the children of its root when {@code wrapped}. */
    List<Ttlv> read() throws XMLStreamException {
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> start();
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> whitespace();
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION,
                     XMLStreamConstants.START_DOCUMENT, XMLStreamConstants.END_DOCUMENT -> {
                }
                default -> throw Fail.message("XML construct not allowed in KMIP XML (DTD or entity)");
            }
        }
        if (top.items().isEmpty() && !wrapped) {
            throw Fail.message("no item in document");
        }
        return List.copyOf(top.items());
    }

    private void start() throws XMLStreamException {
        if (wrapped && !wrapperSeen) {
            if (xml.getAttributeCount() != 0) {
                throw Fail.message("attributes on the document element");
            }
            wrapperSeen = true;
            return;
        }
        budget.open();
        String tagName = null;
        String typeName = null;
        String value = null;
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attribute = xml.getAttributeLocalName(i);
            String text = xml.getAttributeValue(i);
            switch (attribute) {
                case "tag" -> tagName = text;
                case "type" -> typeName = text;
                case "value" -> value = text;
                default -> throw Fail.message("unknown attribute on element");
            }
        }
        Tag tag = Scalars.tag(tagName != null ? tagName : xml.getLocalName());
        ItemType type = typeName != null ? Scalars.type(typeName) : ItemType.STRUCTURE;
        if (type == ItemType.STRUCTURE && value == null) {
            open.push(new Frame(tag));
            return;
        }
        if (value == null) {
            throw Fail.message("item " + tag.hex() + " without a value attribute");
        }
        Ttlv item = Scalars.read(tag, type, value, current().names());
        expectEnd();
        budget.close();
        current().add(item);
    }

    private void end() {
        if (open.isEmpty()) {
            return;
        }
        Frame done = open.pop();
        budget.close();
        current().add(new Ttlv.Structure(done.tag(), done.items()));
    }

    private Frame current() {
        return open.isEmpty() ? top : open.peek();
    }

    private void expectEnd() throws XMLStreamException {
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> whitespace();
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                }
                default -> throw Fail.message("content inside an item that has a value attribute");
            }
        }
    }

    private void whitespace() {
        if (!xml.isWhiteSpace()) {
            throw Fail.message("text content outside value attributes");
        }
    }
}
