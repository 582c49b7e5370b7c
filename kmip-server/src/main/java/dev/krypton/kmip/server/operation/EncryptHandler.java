package dev.krypton.kmip.server.operation;

import dev.krypton.engine.CipherMode;
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
 * Active key. GCM uses the KMIP 1.4 AEAD fields: the IV is the client's or a fresh 12-byte one
 * returned in IV/Counter/Nonce, Authenticated Encryption Additional Data is optional and the
 * 16-byte Authenticated Encryption Tag is returned. Key wrap modes take neither IV nor AAD.
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

    @Override
    public ResponsePayload handle(RequestContext context, Encrypt.Request request) {
        CipherModes.singlePart(request.correlationValue(), request.initIndicator(), request.finalIndicator());
        String uid = context.uid(request.uniqueIdentifier());
        CipherMode mode = CipherModes.of(request.parameters());
        Bytes data = request.data().orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD, "Encrypt needs Data"));
        EncryptResult result = context.keys().encrypt(context.principal(), new EncryptRequest(uid, mode,
                data.toByteArray(), CipherModes.bytes(request.ivCounterNonce()), CipherModes.bytes(request.additionalData())));
        boolean gcm = mode == CipherMode.GCM;
        return new Encrypt.Response(uid, Optional.of(Bytes.wrap(result.ciphertext())),
                gcm && request.ivCounterNonce().isEmpty() ? Optional.of(Bytes.wrap(result.iv())) : Optional.empty(),
                Optional.empty(), gcm ? Optional.of(Bytes.wrap(result.tag())) : Optional.empty());
    }
}
