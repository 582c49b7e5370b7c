package dev.krypton.rootkey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a provider credential (Vault token, PKCS#11 PIN) comes from: a file or an environment
 * variable, never the configuration in clear. The value is read on each use, so a rotated token
 * file takes effect without a restart; {@link #toString()} names the source, never the value.
 */
public sealed interface SecretSource {

    /** Reads the secret; the caller zeroes the array after use. Missing or empty is DENIED. */
    char[] read();

    /** The secret is the content of a file, without trailing line breaks. */
    record FromFile(Path path) implements SecretSource {
        @Override
        public char[] read() {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw RootKeyException.unavailable("cannot read secret file " + path + ": " + e.getClass().getSimpleName());
            }
            try {
                int end = bytes.length;
                while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                    end--;
                }
                CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
                char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
                Arrays.fill(chars.array(), '\0');
                if (out.length == 0) {
                    throw RootKeyException.denied("secret file " + path + " is empty");
                }
                return out;
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /** The secret is the value of an environment variable (looked up through {@code env}). */
    record FromEnv(String variable, Function<String, String> env) implements SecretSource {
        @Override
        public char[] read() {
            String value = env.apply(variable);
            if (value == null || value.isEmpty()) {
                throw RootKeyException.denied("environment variable " + variable + " is not set");
            }
            return value.toCharArray();
        }

        @Override
        public String toString() {
            return "FromEnv[" + variable + "]";
        }
    }

    /**
     * The source named by access metadata {@code <name>-file} or {@code <name>-env} (exactly one);
     * a {@code <name>} entry holding the secret itself is refused.
     */
    static SecretSource from(RootKeyRef ref, String name, Function<String, String> env) {
        Map<String, String> access = ref.access();
        if (access.containsKey(name)) {
            throw RootKeyException.denied(ref.provider() + ": '" + name + "' must not be given in clear; use '"
                    + name + "-file' or '" + name + "-env'");
        }
        boolean file = access.containsKey(name + "-file");
        boolean variable = access.containsKey(name + "-env");
        if (file == variable) {
            throw RootKeyException.denied(ref.provider() + ": give exactly one of '" + name + "-file' or '" + name + "-env'");
        }
        return file ? new FromFile(Path.of(ref.require(name + "-file"))) : new FromEnv(ref.require(name + "-env"), env);
    }
}
