package dev.krypton.kmip.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.object.KeyBlock;
import dev.krypton.kmip.object.ManagedObject;
import dev.krypton.kmip.payload.Decrypt;
import dev.krypton.kmip.payload.Get;
import dev.krypton.kmip.payload.Register;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Key material and data never show in toString, and byte fields compare by content. */
class SecretRedactionTest {
    private static final byte[] SECRET = HexFormat.of().parseHex("deadbeefcafebabe0011223344556677");

    @Test
    void keyMaterialIsNotInToStringOfObjectsPayloadsOrMessages() {
        var key = new ManagedObject.SymmetricKey(KeyBlock.raw(Bytes.of(SECRET), CryptographicAlgorithm.AES, 128));
        var register = Register.Request.of(Attributes.empty(), key);
        var get = new Get.Response(key.objectType(), "k1", key);
        var decrypt = new Decrypt.Response("k1", Optional.of(Bytes.of(SECRET)), Optional.empty());
        for (Object o : new Object[] {key, register, get, decrypt, RequestMessage.of(ProtocolVersion.V1_4, register),
                register.toTtlv(ProtocolVersion.V1_4)}) {
            String s = o.toString();
            assertThat(s).doesNotContainIgnoringCase("deadbeef").doesNotContain("-34").doesNotContain("[-");
        }
        assertThat(Bytes.of(SECRET).toString()).isEqualTo("Bytes[16 bytes]");
    }

    @Test
    void bytesAreCopiedInAndComparedByContent() {
        byte[] mutable = SECRET.clone();
        Bytes b = Bytes.of(mutable);
        mutable[0] = 0;
        assertThat(b).isEqualTo(Bytes.of(SECRET)).isNotEqualTo(Bytes.of(mutable));
        assertThat(b.hashCode()).isEqualTo(Bytes.of(SECRET).hashCode());
        b.toByteArray()[1] = 0;
        assertThat(b).isEqualTo(Bytes.of(SECRET));
    }
}
