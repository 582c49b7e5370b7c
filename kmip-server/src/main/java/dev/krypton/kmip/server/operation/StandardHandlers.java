package dev.krypton.kmip.server.operation;

import java.util.ArrayList;
import java.util.List;

/** Every operation this server serves, one handler each; adding an operation adds one line here. */
public final class StandardHandlers {

    private StandardHandlers() {
    }

    /**
     * @param maxLocateItems most identifiers one Locate returns
     * @param maxRandomBytes largest RNG Retrieve
     * @param multiPart      bounds on open multi-part Encrypt operations
     */
    public static List<OperationHandler<?>> all(int maxLocateItems, int maxRandomBytes, MultiPartLimits multiPart) {
        List<OperationHandler<?>> handlers = new ArrayList<>(List.of(new DiscoverVersionsHandler(),
                new LocateHandler(maxLocateItems), new CheckHandler(), new CreateHandler(), new RegisterHandler(),
                new GetHandler(), new GetAttributesHandler(), new GetAttributeListHandler(), new AddAttributeHandler(),
                new ModifyAttributeHandler(), new DeleteAttributeHandler(), new SetAttributeHandler(), new ActivateHandler(),
                new RevokeHandler(), new DestroyHandler(), new ReKeyHandler(), new EncryptHandler(multiPart), new DecryptHandler(),
                new RngRetrieveHandler(maxRandomBytes), new InteropHandler(), new LogHandler()));
        List<dev.krypton.kmip.Operation> operations = new ArrayList<>();
        operations.add(dev.krypton.kmip.Operation.QUERY);
        handlers.forEach(h -> operations.add(h.operation()));
        handlers.add(1, new QueryHandler(operations));
        return List.copyOf(handlers);
    }
}
