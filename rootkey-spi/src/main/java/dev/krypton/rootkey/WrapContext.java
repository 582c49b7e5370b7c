package dev.krypton.rootkey;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an L2 blob is bound to: the tenant and its region. Providers that support encryption
 * context or additional authenticated data bind it (AWS EncryptionContext, transit {@code context},
 * AES-GCM AAD), so a blob made for tenant A does not unwrap for tenant B.
 *
 * @param tenantId the tenant, never empty
 * @param region   the tenant's region, empty when the deployment has none
 */
public record WrapContext(String tenantId, String region) {

    private static final byte[] LABEL = "krypton/l2/v1".getBytes(StandardCharsets.US_ASCII);

    public WrapContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(region, "region");
        if (tenantId.isEmpty() || tenantId.indexOf('\0') >= 0 || region.indexOf('\0') >= 0) {
            throw RootKeyException.denied("wrap context needs a tenant id and no NUL characters");
        }
    }

    /** A context without a region. */
    public static WrapContext tenant(String tenantId) {
        return new WrapContext(tenantId, "");
    }

    /**
     * The canonical AAD for providers that take bytes: {@code "krypton/l2/v1" 0x00 tenant 0x00 region}
     * in UTF-8. NUL cannot occur inside the parts, so the encoding is unambiguous.
     */
    public byte[] aad() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LABEL);
        out.write(0);
        out.writeBytes(tenantId.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(region.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
