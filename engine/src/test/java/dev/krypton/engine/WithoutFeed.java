package dev.krypton.engine;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.Storage;
import dev.krypton.storage.tck.ForwardingStorage;
import java.util.Optional;

/** The same store without its change feed: the node learns changes by polling only. */
final class WithoutFeed extends ForwardingStorage {

    WithoutFeed(Storage inner) {
        super(inner);
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.empty();
    }
}
