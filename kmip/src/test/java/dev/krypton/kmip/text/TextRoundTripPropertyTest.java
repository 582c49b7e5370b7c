package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary TTLV trees survive the XML and JSON encodings, and all three encodings agree. */
class TextRoundTripPropertyTest {

    @Provide
    Arbitrary<Ttlv> trees() {
        return TtlvTrees.trees();
    }

    @Property(tries = 2000)
    void xml_decodes_what_it_encodes(@ForAll("trees") Ttlv tree) {
        assertThat(KmipXml.decode(KmipXml.encode(tree))).isEqualTo(tree);
    }

    @Property(tries = 2000)
    void json_decodes_what_it_encodes(@ForAll("trees") Ttlv tree) {
        assertThat(KmipJson.decode(KmipJson.encode(tree))).isEqualTo(tree);
    }

    @Property(tries = 1000)
    void xml_json_and_ttlv_carry_the_same_tree(@ForAll("trees") Ttlv tree) {
        Ttlv viaJsonThenXml = KmipXml.decode(KmipXml.encode(KmipJson.decode(KmipJson.encode(tree))));
        assertThat(TtlvDecoder.decode(TtlvEncoder.encode(viaJsonThenXml))).isEqualTo(tree);
    }
}
