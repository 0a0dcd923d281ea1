package org.passerelle.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.passerelle.core.privacy.Pseudonymizer;

/**
 * Where the pseudonym secret comes from: the configuration, or with the embedded default a
 * random one generated once and kept (readable by its owner only) in the data directory, so
 * that pseudonyms stay the same across restarts.
 */
final class PseudonymSecret {

    static final String FILE_NAME = "pseudonym.secret";

    private PseudonymSecret() {
    }

    /**
     * @throws StartupException when the configured secret is too short, when none is configured
     *                          for an external Redis, or when the kept one cannot be read or written
     */
    static byte[] resolve(PrivacySettings privacy, RedisSettings redis, Path dataDir) {
        if (privacy.secret() != null && !privacy.secret().isBlank()) {
            var bytes = privacy.secret().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < Pseudonymizer.MIN_SECRET_BYTES) {
                throw new StartupException("passerelle.privacy.secret is shorter than "
                        + Pseudonymizer.MIN_SECRET_BYTES + " bytes",
                        "Use a long random value, e.g. the output of 'openssl rand -base64 48'.", null);
            }
            return bytes;
        }
        if (!redis.embedded()) {
            throw new StartupException("passerelle.privacy.secret is not set, and an external Redis is used",
                    "Set passerelle.privacy.secret (PASSERELLE_PRIVACY_SECRET) to the same long random value "
                            + "on every instance.", null);
        }
        return kept(dataDir.toAbsolutePath().normalize().resolve(FILE_NAME));
    }

    private static byte[] kept(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            var decoded = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (decoded.length < Pseudonymizer.MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            return decoded;
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException("the pseudonym secret in " + file + " cannot be read or written ("
                    + e.getClass().getSimpleName() + ")",
                    "Restore the file from a backup, or set passerelle.privacy.secret. A new secret "
                            + "makes every stored conversation unreachable.", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        var secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        var text = Base64.getEncoder().encodeToString(secret) + "\n";
        try {
            OwnerOnlyFiles.createFile(file);
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
            // Another start created it first; use theirs.
        }
    }
}
