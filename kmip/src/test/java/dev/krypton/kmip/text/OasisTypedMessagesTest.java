package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.payload.StandardPayloads;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request and response of the OASIS KMIP 1.4 and 2.1 profile test cases reads into the
 * typed message layer and writes back to the identical TTLV tree: the typed layer neither loses
 * nor invents a field that the published cases use.
 */
class OasisTypedMessagesTest {

    private final MessageCodec codec = StandardPayloads.messageCodec();

    static Stream<OasisCases.Message> messages() {
        return OasisCases.messages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void typedMessageWritesBackTheSameTree(OasisCases.Message message) {
        Ttlv.Structure tree = (Ttlv.Structure) message.item();
        Ttlv rewritten = tree.tag().equals(Tag.REQUEST_MESSAGE)
                ? codec.write(codec.readRequest(tree))
                : codec.write(codec.readResponse(tree));
        assertThat(rewritten).isEqualTo(tree);
    }
}
