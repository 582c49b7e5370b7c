package dev.krypton.storage;

import java.util.function.Consumer;

/**
 * Optional power of a backend: tells subscribers at once when any node changes a tenant
 * (PostgreSQL: LISTEN/NOTIFY). Backends without it return no feed from
 * {@link Storage#changeFeed()}; callers then poll {@link Storage#tenants(PageRequest)}.
 *
 * <p>Delivery is at-least-once while connected. Whenever the backend may have missed notices (for
 * example while it reconnects to the database) it calls {@link Listener#resynchronise()}, and the
 * subscriber must re-read every tenant.
 */
public interface ChangeFeed {

    /** Receives notices on a backend thread; must return quickly and not throw. */
    interface Listener {
        /** A tenant changed. */
        void changed(TenantChange change);

        /** Notices may have been lost (for example during a reconnect): re-read every tenant. */
        void resynchronise();
    }

    /** A live subscription; closing it stops delivery. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts delivering tenant changes to {@code listener}. */
    Subscription subscribe(Listener listener);

    /** A listener for callers that only care about changes. */
    static Listener listener(Consumer<TenantChange> onChange, Runnable onResynchronise) {
        return new Listener() {
            @Override
            public void changed(TenantChange change) {
                onChange.accept(change);
            }

            @Override
            public void resynchronise() {
                onResynchronise.run();
            }
        };
    }
}
