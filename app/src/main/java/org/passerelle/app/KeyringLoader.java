package org.passerelle.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.passerelle.core.privacy.Keyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the sealing keys come from: the configuration ({@code passerelle.privacy.keys.<id>}),
 * and with the embedded default the key files of the data directory ({@code keys/<id>.key}, the
 * directory readable by its owner only, each file too), where a first key {@code k1} is
 * generated on the first start. Which key seals is {@code passerelle.privacy.current-key}, or
 * the only key there is.
 */
final class KeyringLoader {

    static final String DIRECTORY = "keys";
    static final String SUFFIX = ".key";
    static final String FIRST_ID = "k1";
    private static final Logger log = LoggerFactory.getLogger(KeyringLoader.class);

    private KeyringLoader() {
    }

    /**
     * @throws StartupException when a key is malformed or too short, two sources give one id
     *                          different keys, none is configured for an external Redis, the
     *                          current key is not known or not said among several, or the key
     *                          files cannot be read or written
     */
    static Keyring resolve(PrivacySettings privacy, RedisSettings redis, Path dataDir) {
        var keys = new TreeMap<String, byte[]>();
        privacy.keys().forEach((id, encoded) -> keys.put(id, decode(id, encoded, "passerelle.privacy.keys." + id)));
        if (redis.embedded()) {
            var directory = dataDir.toAbsolutePath().normalize().resolve(DIRECTORY);
            kept(directory).forEach((id, bytes) -> {
                var configured = keys.putIfAbsent(id, bytes);
                if (configured != null && !java.security.MessageDigest.isEqual(configured, bytes)) {
                    throw new StartupException("the key '" + id + "' in " + directory
                            + " differs from passerelle.privacy.keys." + id,
                            "Keep one of the two: a key id must always name the same key.", null);
                }
            });
            if (keys.isEmpty()) {
                keys.put(FIRST_ID, generate(directory, FIRST_ID));
            }
        } else if (keys.isEmpty()) {
            throw new StartupException("no sealing key is set (passerelle.privacy.keys.<id>), and an external Redis is used",
                    "Set PASSERELLE_PRIVACY_KEYS_K1 to the Base64 of 32 random bytes (e.g. 'openssl rand -base64 32'), "
                            + "the same on every instance.", null);
        }
        return ring(keys, privacy.currentKey());
    }

    private static Keyring ring(Map<String, byte[]> keys, String currentKey) {
        var current = currentKey == null || currentKey.isBlank() ? null : currentKey.strip();
        if (current == null && keys.size() > 1) {
            throw new StartupException("there are several sealing keys " + keys.keySet()
                    + " and passerelle.privacy.current-key does not say which one seals",
                    "Set passerelle.privacy.current-key (PASSERELLE_PRIVACY_CURRENT_KEY) to the newest key's id.", null);
        }
        try {
            var ring = new Keyring(keys, current == null ? keys.keySet().iterator().next() : current);
            log.info("sealing keys ids={} current={}", ring.ids(), ring.currentId());
            return ring;
        } catch (IllegalArgumentException e) {
            throw new StartupException("the sealing keys cannot be used: " + e.getMessage(),
                    "Give each key id (lowercase letters and digits) the Base64 of at least "
                            + Keyring.MIN_KEY_BYTES + " random bytes, and make current-key one of them.", e);
        }
    }

    private static byte[] decode(String id, String encoded, String where) {
        var text = encoded == null ? "" : encoded.strip();
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notUrl) {
                throw new StartupException("the sealing key '" + id + "' in " + where + " is not Base64",
                        "Give the Base64 of " + Keyring.MIN_KEY_BYTES + " random bytes, e.g. 'openssl rand -base64 32'.",
                        null);
            }
        }
    }

    private static Map<String, byte[]> kept(Path directory) {
        var keys = new LinkedHashMap<String, byte[]>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        try (var files = Files.list(directory)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                var name = file.getFileName().toString();
                var id = name.substring(0, name.length() - SUFFIX.length());
                warnIfOpen(file);
                keys.put(id, decode(id, Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
            }
            return keys;
        } catch (IOException e) {
            throw new StartupException("the sealing keys in " + directory + " cannot be read ("
                    + e.getClass().getSimpleName() + ")",
                    "Make the directory and its files readable by the user that runs Passerelle.", e);
        }
    }

    private static void warnIfOpen(Path file) throws IOException {
        if (OwnerOnlyFiles.posix(file)) {
            var others = EnumSet.complementOf(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            if (Files.getPosixFilePermissions(file).stream().anyMatch(others::contains)) {
                log.warn("the sealing key file {} is readable by others than its owner; chmod 600 it", file);
            }
        }
    }

    private static byte[] generate(Path directory, String id) {
        var file = directory.resolve(id + SUFFIX);
        try {
            OwnerOnlyFiles.createDirectory(directory);
            var key = new byte[Keyring.MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            OwnerOnlyFiles.createFile(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            log.info("generated the sealing key id={} in {}", id, directory);
            return key;
        } catch (FileAlreadyExistsException raced) {
            // Another start created it first; use theirs.
            return kept(directory).get(id);
        } catch (IOException e) {
            throw new StartupException("the sealing key " + file + " cannot be written (" + e.getClass().getSimpleName()
                    + ")", "Make the data directory writable, or set passerelle.privacy.keys.<id>.", e);
        }
    }
}
