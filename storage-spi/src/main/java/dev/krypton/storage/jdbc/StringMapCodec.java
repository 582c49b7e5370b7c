package dev.krypton.storage.jdbc;

import dev.krypton.storage.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes a string map (root-key access metadata) as bytes: a 4-byte count, then for each entry in
 * key order the key and the value as {@link DataOutputStream#writeUTF modified UTF-8}. Decoding a
 * damaged value fails with CORRUPT.
 */
final class StringMapCodec {

    private StringMapCodec() {
    }

    static byte[] encode(Map<String, String> map) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(map.size());
            for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw StorageException.invalid("Root-key metadata entries must each be shorter than 64 KiB.");
        }
        return bytes.toByteArray();
    }

    static Map<String, String> decode(byte[] encoded, String tenantId) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(encoded))) {
            int n = in.readInt();
            if (n < 0 || n > encoded.length) {
                throw new IOException("bad count");
            }
            Map<String, String> map = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                map.put(in.readUTF(), in.readUTF());
            }
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return map;
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.CORRUPT,
                    "The stored root-key metadata of tenant '" + tenantId + "' is damaged.");
        }
    }
}
