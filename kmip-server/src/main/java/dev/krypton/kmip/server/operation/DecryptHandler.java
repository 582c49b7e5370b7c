package dev.krypton.kmip.server.operation;

import dev.krypton.engine.CipherMode;
import dev.krypton.engine.DecryptRequest;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Decrypt;
import java.util.Optional;

/**
 * Decrypt (KMIP 1.4 section 4.30, KMIP 2.1 section 6.1.11): unwraps with an Active, Deactivated or
 * Compromised key, in the mode {@link CipherModes} picks. GCM and AEAD need the IV and the
 * Authenticated Encryption Tag (and the same AAD); a wrong tag is Cryptographic Failure. CBC and CTR
 * need the IV / counter block; a missing IV or tag is Invalid Message (as the OASIS CS-BC cases
 * expect). Key wrap modes and ECB take only the data.
 */
final class DecryptHandler implements OperationHandler<Decrypt.Request> {

    @Override
    public Operation operation() {
        return Operation.DECRYPT;
    }

    @Override
    public Class<Decrypt.Request> requestType() {
        return Decrypt.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Decrypt.Request request) {
        CipherModes.singlePart(request.correlationValue(), request.initIndicator(), request.finalIndicator());
        String uid = context.uid(request.uniqueIdentifier());
        Bytes data = request.data().orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD, "Decrypt needs Data"));
        CipherMode mode = CipherModes.choose(context, uid, request.parameters(), dev.krypton.engine.Operation.DECRYPT).mode();
        CipherModes.checkIvFields(request.parameters(), mode, request.ivCounterNonce());
        if (mode.needsIv() && request.ivCounterNonce().isEmpty()) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, mode + " Decrypt needs IV/Counter/Nonce");
        }
        boolean aead = mode == CipherMode.GCM || mode == CipherMode.CHACHA20_POLY1305;
        if (aead && request.tag().isEmpty()) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, mode + " Decrypt needs Authenticated Encryption Tag");
        }
        byte[] plain = context.keys().decrypt(context.principal(), new DecryptRequest(uid, mode, data.toByteArray(),
                CipherModes.bytes(request.ivCounterNonce()), CipherModes.bytes(request.additionalData()),
                CipherModes.bytes(request.tag())));
        return new Decrypt.Response(uid, Optional.of(Bytes.wrap(plain)), Optional.empty());
    }
}
