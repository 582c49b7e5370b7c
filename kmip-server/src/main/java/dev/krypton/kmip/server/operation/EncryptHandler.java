package dev.krypton.kmip.server.operation;

import dev.krypton.engine.EncryptRequest;
import dev.krypton.engine.EncryptResult;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Encrypt;
import java.util.Optional;

/**
 * Encrypt (KMIP 1.4 section 4.29, KMIP 2.1 section 6.1.17): wraps an L4 (or any data) with an
 * Active key, in the mode {@link CipherModes} picks. GCM and AEAD use the KMIP 1.4 AEAD fields: the
 * IV is the client's or a fresh 12-byte one, Authenticated Encryption Additional Data is optional
 * and the Authenticated Encryption Tag (Tag Length bytes, default 16) is returned. CBC and CTR take
 * the client's 16-byte IV / counter block, or make one under Random IV. A server-made IV is returned
 * in IV/Counter/Nonce. Key wrap modes and ECB take neither IV nor AAD. A tenant key's
 * {@link UsageLimits} are reserved first. GCM may also come in parts: {@link MultiPartEncryptions}.
 */
final class EncryptHandler implements OperationHandler<Encrypt.Request> {

    @Override
    public Operation operation() {
        return Operation.ENCRYPT;
    }

    @Override
    public Class<Encrypt.Request> requestType() {
        return Encrypt.Request.class;
    }

    private final MultiPartEncryptions parts;

    EncryptHandler(MultiPartLimits limits) {
        this.parts = new MultiPartEncryptions(limits);
    }

    @Override
    public ResponsePayload handle(RequestContext context, Encrypt.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        Bytes data = request.data().orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD, "Encrypt needs Data"));
        boolean init = request.initIndicator().orElse(false);
        boolean last = request.finalIndicator().orElse(false);
        if (init && request.correlationValue().isPresent()) {
            throw new KmipException(ResultReason.INVALID_FIELD, "an Init part takes no Correlation Value");
        }
        if (!init && request.correlationValue().isEmpty() && request.finalIndicator().filter(f -> !f).isPresent()) {
            throw new KmipException(ResultReason.INVALID_FIELD, "a part that is not final needs Init Indicator or Correlation Value");
        }
        CipherModes.Choice choice = CipherModes.choose(context, uid, request.parameters(), dev.krypton.engine.Operation.ENCRYPT);
        if (request.correlationValue().isEmpty()) {
            CipherModes.checkIvFields(request.parameters(), choice, request.ivCounterNonce());
        }
        choice.key().ifPresent(key -> UsageLimits.reserve(context, key, data.length()));
        if (init && !last || request.correlationValue().isPresent()) {
            MultiPartEncryptions.Part part = request.correlationValue().isPresent()
                    ? parts.next(context, uid, request.correlationValue().get(), data.toByteArray(), last)
                    : parts.begin(context, uid, choice, CipherModes.bytes(request.ivCounterNonce()),
                            CipherModes.bytes(request.additionalData()), data.toByteArray());
            return new Encrypt.Response(uid, Optional.of(Bytes.wrap(part.ciphertext())), optional(part.serverIv()),
                    optional(part.correlation()), optional(part.tag()));
        }
        EncryptResult result = context.keys().encrypt(context.principal(), new EncryptRequest(uid, choice.mode(),
                data.toByteArray(), CipherModes.bytes(request.ivCounterNonce()), CipherModes.bytes(request.additionalData()),
                choice.randomIv(), choice.tagLength()));
        boolean serverIv = request.ivCounterNonce().isEmpty() && result.iv().length > 0;
        return new Encrypt.Response(uid, Optional.of(Bytes.wrap(result.ciphertext())),
                serverIv ? Optional.of(Bytes.wrap(result.iv())) : Optional.empty(),
                Optional.empty(), optional(result.tag()));
    }

    private static Optional<Bytes> optional(byte[] value) {
        return value.length > 0 ? Optional.of(Bytes.wrap(value)) : Optional.empty();
    }
}
