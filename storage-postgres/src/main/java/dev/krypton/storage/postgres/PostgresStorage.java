package dev.krypton.storage.postgres;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.jdbc.JdbcStorage;
import java.util.Optional;

/** The shared SQL store plus the LISTEN/NOTIFY change feed. */
final class PostgresStorage extends JdbcStorage {

    private final PgChangeFeed feed;

    PostgresStorage(PostgresSettings settings, PostgresDialect dialect) {
        super(new PgConnections(settings), dialect);
        this.feed = new PgChangeFeed(settings, dialect.channel());
    }

    @Override
    public Optional<ChangeFeed> changeFeed() {
        return Optional.of(feed);
    }

    /** The backend pid of the LISTEN connection (tests break it to check reconnection). */
    int listenerPid() {
        return feed.listenerPid();
    }

    @Override
    public void close() {
        feed.close();
        super.close();
    }
}
