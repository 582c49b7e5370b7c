package dev.krypton.kmip.message;

import java.util.List;

/**
 * A KMIP protocol version (KMIP 1.4 section 6.1, KMIP 2.1 section 9.16): major and minor.
 *
 * <p>The library speaks 1.0 to 1.4 and 2.0 to 2.1; other values can be carried (a server answers
 * them with the versions it supports) but {@link #isSupported()} says no.
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {
    public static final ProtocolVersion V1_0 = new ProtocolVersion(1, 0);
    public static final ProtocolVersion V1_1 = new ProtocolVersion(1, 1);
    public static final ProtocolVersion V1_2 = new ProtocolVersion(1, 2);
    public static final ProtocolVersion V1_3 = new ProtocolVersion(1, 3);
    public static final ProtocolVersion V1_4 = new ProtocolVersion(1, 4);
    public static final ProtocolVersion V2_0 = new ProtocolVersion(2, 0);
    public static final ProtocolVersion V2_1 = new ProtocolVersion(2, 1);

    /** Every version this library speaks, newest first (the order Discover Versions answers in). */
    public static final List<ProtocolVersion> SUPPORTED = List.of(V2_1, V2_0, V1_4, V1_3, V1_2, V1_1, V1_0);

    /** True for KMIP 2.x, which encodes attributes as tagged items instead of name/value pairs. */
    public boolean isV2() {
        return major >= 2;
    }

    /** True if this library can speak this version. */
    public boolean isSupported() {
        return SUPPORTED.contains(this);
    }

    /** True if this version is the same as or newer than {@code other}. */
    public boolean atLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ProtocolVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
