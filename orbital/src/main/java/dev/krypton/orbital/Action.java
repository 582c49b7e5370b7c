package dev.krypton.orbital;

import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantId;

/** What a decoded task asks of the engine. */
sealed interface Action {

    /** The tenant concerned. */
    TenantId tenant();

    /** Run a lifecycle command. */
    record Execute(TenantCommand command) implements Action {
        @Override
        public TenantId tenant() {
            return command.tenant();
        }
    }

    /** Change nothing, report the actual state (TENANT_CONFIG). */
    record Describe(TenantId tenant) implements Action {}

    /** LINK_KEY: link again under the root key the tenant is already bound to. */
    record Relink(TenantId tenant, String keyId) implements Action {}
}
