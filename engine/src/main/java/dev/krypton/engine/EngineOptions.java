package dev.krypton.engine;

/**
 * Engine tuning.
 *
 * @param region   the region this node serves, recorded with new tenants
 * @param gcmLimit AES-GCM invocations allowed per L3 version before it must be rotated. Default
 *                 2^30: a quarter of the 2^32 bound of NIST SP 800-38D section 8.3 for random
 *                 96-bit IVs, so the chance of any IV repeating stays below 2^-37 (birthday
 *                 bound n^2/2^97), and blocks forfeited by restarts can never push a key past 2^32
 * @param gcmBlock invocations reserved in storage at a time (one storage write per block)
 */
public record EngineOptions(String region, long gcmLimit, long gcmBlock) {

    public EngineOptions {
        if (region == null) {
            throw EngineException.invalid("region must be given (may be empty)");
        }
        if (gcmLimit < 1 || gcmLimit > (1L << 32) || gcmBlock < 1) {
            throw EngineException.invalid("gcmLimit must be 1..2^32 and gcmBlock positive");
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions("", 1L << 30, 1L << 16);
    }

    public EngineOptions withGcm(long limit, long block) {
        return new EngineOptions(region, limit, block);
    }

    public EngineOptions withRegion(String value) {
        return new EngineOptions(value, gcmLimit, gcmBlock);
    }
}
