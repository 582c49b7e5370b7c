package dev.krypton.kmip.payload;

import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.PayloadRegistry;
import java.util.List;

/** The payload codecs of every operation this package types; adding an operation adds one line here. */
public final class StandardPayloads {
    /** All codecs, one per operation. */
    public static final List<PayloadCodec> CODECS = List.of(
            DiscoverVersions.CODEC, Query.CODEC, Locate.CODEC, Check.CODEC, Create.CODEC, Register.CODEC, Get.CODEC,
            GetAttributes.CODEC, GetAttributeList.CODEC, AddAttribute.CODEC, ModifyAttribute.CODEC, DeleteAttribute.CODEC,
            SetAttribute.CODEC, Activate.CODEC, Revoke.CODEC, Destroy.CODEC, ReKey.CODEC, Encrypt.CODEC, Decrypt.CODEC,
            RngRetrieve.CODEC, Interop.CODEC, Log.CODEC);

    private StandardPayloads() {
    }

    /** A registry of all standard codecs. */
    public static PayloadRegistry registry() {
        return PayloadRegistry.of(CODECS);
    }

    /** A message codec over {@link #registry()}. */
    public static MessageCodec messageCodec() {
        return new MessageCodec(registry());
    }
}
