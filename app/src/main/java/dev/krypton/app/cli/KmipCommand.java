package dev.krypton.app.cli;

import dev.krypton.app.AppException;
import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.QueryFunction;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.payload.Create;
import dev.krypton.kmip.payload.Decrypt;
import dev.krypton.kmip.payload.Encrypt;
import dev.krypton.kmip.payload.Locate;
import dev.krypton.kmip.payload.Query;
import dev.krypton.kmip.payload.ReKey;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code krypton kmip ...}: a KMIP client for operators over mutual TLS, on the kmip module's
 * {@link KmipClient}. Exit codes: 0 done, 2 usage mistake, 3 the server refused (Operation
 * Failed, with its Result Reason), 4 the server could not be reached. Key material is never
 * printed: there is no Get, and decrypted data goes to a file (mode 0600) unless {@code --out -}.
 */
@Command(name = "kmip", mixinStandardHelpOptions = true,
        description = {"Talk KMIP to a node over mutual TLS (by default a krypton dev node with its gateway certificate).",
                "Exit codes: 0 ok, 2 usage mistake, 3 the KMIP server refused, 4 the server could not be reached."},
        subcommands = {KmipCommand.QueryCommand.class, KmipCommand.LocateCommand.class, KmipCommand.CreateKekCommand.class,
                KmipCommand.EncryptCommand.class, KmipCommand.DecryptCommand.class, KmipCommand.RekeyCommand.class})
public final class KmipCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see krypton kmip --help)");
    }

    /** {@code krypton kmip query}: operations, object types and vendor of the server. */
    @Command(name = "query", mixinStandardHelpOptions = true, description = "Show the server's vendor, operations and object types (Query).")
    static final class QueryCommand implements Callable<Integer> {
        @Mixin
        private KmipTarget target;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            try (KmipClient client = target.open()) {
                Query.Response r = KmipTarget.call(client, new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS,
                        QueryFunction.QUERY_OBJECTS, QueryFunction.QUERY_SERVER_INFORMATION)), Query.Response.class);
                List<String> operations = r.operations().stream().map(o -> o.specName()).toList();
                List<String> objects = r.objectTypes().stream().map(o -> o.specName()).toList();
                String vendor = r.vendorIdentification().orElse("");
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("vendor", vendor);
                doc.put("operations", operations);
                doc.put("objectTypes", objects);
                target.print(spec.commandLine().getOut(), "vendor        " + vendor + "\noperations    "
                        + String.join(", ", operations) + "\nobject types  " + String.join(", ", objects), doc);
                return 0;
            }
        }
    }

    /** {@code krypton kmip locate}: identifiers matching name, object group and type. */
    @Command(name = "locate", mixinStandardHelpOptions = true,
            description = "List the identifiers of the caller's objects matching every filter given (Locate).")
    static final class LocateCommand implements Callable<Integer> {
        @Mixin
        private KmipTarget target;
        @Option(names = "--name", description = "Name attribute equals this.")
        private String name;
        @Option(names = "--group", description = "Object Group equals this (for example kek, or a tenant); repeatable.")
        private List<String> groups = new ArrayList<>();
        @Option(names = "--kek", description = "Only L3 KEK versions (same as --group kek).")
        private boolean kek;
        @Option(names = "--max", defaultValue = "1000", description = "At most this many identifiers (default: ${DEFAULT-VALUE}).")
        private int max;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (max < 1) {
                throw AppException.usage("--max must be at least 1");
            }
            List<Attribute> filters = new ArrayList<>();
            if (name != null) {
                filters.add(Attribute.name(name));
            }
            if (kek && !groups.contains("kek")) {
                filters.add(Attribute.objectGroup("kek"));
            }
            groups.forEach(g -> filters.add(Attribute.objectGroup(g)));
            Locate.Request base = Locate.Request.matching(Attributes.of(filters.toArray(Attribute[]::new)));
            Locate.Request request = new Locate.Request(java.util.OptionalInt.of(max), base.offsetItems(),
                    base.storageStatusMask(), base.objectGroupMember(), base.attributes());
            try (KmipClient client = target.open()) {
                List<String> ids = KmipTarget.call(client, request, Locate.Response.class).uniqueIdentifiers();
                target.print(spec.commandLine().getOut(), String.join("\n", ids), Map.of("uniqueIdentifiers", ids));
                if (!target.json && ids.isEmpty()) {
                    spec.commandLine().getErr().println("krypton kmip locate: no object matches");
                }
                return 0;
            }
        }
    }

    /** {@code krypton kmip create-kek NAME}: an L3 KEK, answered {@code <tenant>:<name>:1}. */
    @Command(name = "create-kek", mixinStandardHelpOptions = true,
            description = {"Create an L3 key-encryption key (Create with Object Group kek and one Name).",
                    "Prints its identifier <tenant>:<name>:1; the key material never leaves the node."})
    static final class CreateKekCommand implements Callable<Integer> {
        @Mixin
        private KmipTarget target;
        @Parameters(index = "0", paramLabel = "NAME", description = "KEK name: 1-128 letters, digits, '.', '_' or '-'.")
        private String name;
        @Option(names = "--tenant", description = "Tenant to create it in (needed when the certificate may act on several tenants).")
        private String tenant;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (!name.matches("[A-Za-z0-9._-]{1,128}")) {
                throw AppException.usage("a KEK name must be 1-128 letters, digits, '.', '_' or '-', not '" + name + "'");
            }
            List<Attribute> attributes = new ArrayList<>(List.of(Attribute.name(name), Attribute.objectGroup("kek")));
            if (tenant != null) {
                attributes.add(Attribute.objectGroup(tenant));
            }
            try (KmipClient client = target.open()) {
                String id = KmipTarget.call(client, new Create.Request(ObjectType.SYMMETRIC_KEY,
                        Attributes.of(attributes.toArray(Attribute[]::new))), Create.Response.class).uniqueIdentifier();
                target.print(spec.commandLine().getOut(), id, Map.of("uniqueIdentifier", id));
                return 0;
            }
        }
    }

    /** {@code krypton kmip rekey ID}: the next version of an L3 KEK. */
    @Command(name = "rekey", mixinStandardHelpOptions = true,
            description = "Make the next version of an L3 KEK (Re-key); the previous version stays for decryption only.")
    static final class RekeyCommand implements Callable<Integer> {
        @Mixin
        private KmipTarget target;
        @Parameters(index = "0", paramLabel = "ID", description = "KEK version identifier, <tenant>:<name>:<n>.")
        private String id;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            try (KmipClient client = target.open()) {
                String next = KmipTarget.call(client, ReKey.Request.of(id), ReKey.Response.class).uniqueIdentifier();
                target.print(spec.commandLine().getOut(), next, Map.of("uniqueIdentifier", next, "replaced", id));
                return 0;
            }
        }
    }

    /** Exactly one way to give the data. */
    static final class Input {
        @Option(names = "--hex", paramLabel = "HEX", description = "The data in hexadecimal.")
        String hex;
        @Option(names = "--base64", paramLabel = "B64", description = "The data in base64.")
        String base64;
        @Option(names = "--in", paramLabel = "FILE", description = "Read the data from this file.")
        Path file;

        Bytes bytes() {
            try {
                if (hex != null) {
                    return Bytes.wrap(HexFormat.of().parseHex(hex.strip()));
                }
                if (base64 != null) {
                    return Bytes.wrap(Base64.getDecoder().decode(base64.strip()));
                }
                return Bytes.wrap(Files.readAllBytes(file));
            } catch (IllegalArgumentException e) {
                throw AppException.usage("the data is not valid " + (hex != null ? "hexadecimal" : "base64"));
            } catch (IOException e) {
                throw AppException.usage("--in: cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    /** What encrypt and decrypt both take: the key, the data, the mode and the GCM AAD. */
    static final class CipherInput {
        @Parameters(index = "0", paramLabel = "ID", description = "Key identifier, for example acme:orders:1.")
        String id;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;
        @Option(names = "--mode", defaultValue = "gcm", converter = Mode.Converter.class, description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Mode mode;
        @Option(names = "--aad", paramLabel = "HEX", description = "GCM additional authenticated data, hexadecimal.")
        String aad;
    }

    /** The cipher mode names of the command line. */
    enum Mode {
        GCM, NIST_KEY_WRAP, AES_KEY_WRAP_PADDING;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Reads {@code gcm}, {@code nist-key-wrap}, {@code aes-key-wrap-padding} (any case, - or _). */
        static final class Converter implements CommandLine.ITypeConverter<Mode> {
            @Override
            public Mode convert(String value) {
                for (Mode m : values()) {
                    if (m.toString().equalsIgnoreCase(value.replace('_', '-'))) {
                        return m;
                    }
                }
                throw new CommandLine.TypeConversionException("expected one of " + Arrays.toString(values()) + ", not '" + value + "'");
            }
        }

        CryptographicParameters parameters() {
            return switch (this) {
                case GCM -> CryptographicParameters.aesGcm(16);
                case NIST_KEY_WRAP -> CryptographicParameters.of(CryptographicAlgorithm.AES, BlockCipherMode.NISTKEYWRAP, PaddingMethod.NONE);
                case AES_KEY_WRAP_PADDING -> CryptographicParameters.of(CryptographicAlgorithm.AES, BlockCipherMode.AESKEYWRAPPADDING,
                        PaddingMethod.NONE);
            };
        }
    }

    private static Optional<Bytes> hex(String option, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Bytes.wrap(HexFormat.of().parseHex(value.strip())));
        } catch (IllegalArgumentException e) {
            throw AppException.usage(option + " must be hexadecimal");
        }
    }

    /** {@code krypton kmip encrypt ID --hex ...}: ciphertext, IV and tag in hexadecimal. */
    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Encrypt (or wrap) data with a key on the server (Encrypt).",
                    "Prints the ciphertext, and for GCM the IV and tag, in hexadecimal."})
    static final class EncryptCommand implements Callable<Integer> {
        @Mixin
        private KmipTarget target;
        @Mixin
        private CipherInput cipher;
        @Option(names = "--iv", paramLabel = "HEX", description = "GCM IV to use (default: the server makes one and returns it).")
        private String iv;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Bytes data = cipher.input.bytes();
            Optional<Bytes> aadBytes = hex("--aad", cipher.aad);
            Optional<Bytes> ivBytes = hex("--iv", iv);
            try (KmipClient client = target.open()) {
                Encrypt.Response r = KmipTarget.call(client, Encrypt.Request.of(cipher.id, cipher.mode.parameters(), data,
                        ivBytes, aadBytes),
                        Encrypt.Response.class);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("uniqueIdentifier", r.uniqueIdentifier());
                doc.put("data", r.data().map(Bytes::toHex).orElse(""));
                r.ivCounterNonce().or(() -> ivBytes).ifPresent(v -> doc.put("iv", v.toHex()));
                r.tag().ifPresent(v -> doc.put("tag", v.toHex()));
                StringBuilder text = new StringBuilder();
                doc.forEach((k, v) -> text.append(text.isEmpty() ? "" : "\n").append(k.equals("uniqueIdentifier") ? "key" : k)
                        .append(' ').append(v));
                target.print(spec.commandLine().getOut(), text.toString(), doc);
                return 0;
            }
        }
    }

    /** {@code krypton kmip decrypt ID --hex ... --out FILE}: plaintext to a file, never to the terminal unasked. */
    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = {"Decrypt (or unwrap) data with a key on the server (Decrypt).",
                    "The plaintext is written to --out FILE (created with mode 0600), or raw to standard output with --out -."})
    static final class DecryptCommand implements Callable<Integer> {
        @Mixin
        private KmipTarget target;
        @Mixin
        private CipherInput cipher;
        @Option(names = "--iv", paramLabel = "HEX", description = "GCM IV, hexadecimal.")
        private String iv;
        @Option(names = "--tag", paramLabel = "HEX", description = "GCM tag, hexadecimal.")
        private String tag;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the plaintext goes (a new file; - for standard output).")
        private String out;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Bytes data = cipher.input.bytes();
            Optional<Bytes> ivBytes = hex("--iv", iv);
            Optional<Bytes> tagBytes = hex("--tag", tag);
            Optional<Bytes> aadBytes = hex("--aad", cipher.aad);
            Path file = out.equals("-") ? null : Path.of(out);
            if (file != null && Files.exists(file)) {
                throw AppException.usage("--out: " + file + " exists; not overwriting it");
            }
            try (KmipClient client = target.open()) {
                Decrypt.Response r = KmipTarget.call(client, Decrypt.Request.of(cipher.id, cipher.mode.parameters(), data, ivBytes, aadBytes,
                        tagBytes), Decrypt.Response.class);
                byte[] plain = r.data().map(Bytes::toByteArray).orElse(new byte[0]);
                try {
                    write(file, plain);
                } finally {
                    Arrays.fill(plain, (byte) 0);
                }
                int length = r.data().map(Bytes::length).orElse(0);
                if (file != null) {
                    target.print(spec.commandLine().getOut(), "decrypted " + length + " bytes with " + r.uniqueIdentifier()
                            + " into " + file, Map.of("uniqueIdentifier", r.uniqueIdentifier(), "bytes", length, "out", file.toString()));
                }
                return 0;
            }
        }

        private static void write(Path file, byte[] plain) {
            try {
                if (file == null) {
                    System.out.write(plain);
                    System.out.flush();
                    return;
                }
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    o.write(plain);
                }
            } catch (IOException e) {
                throw AppException.failure("--out: cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
