package org.attributiongraph.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin key of a server with no configured keys: {@code $GRAPH_DATA_DIR/admin.key}, created at
 * the first start (32 random bytes, base64url) readable by its owner only, reused afterwards. Only
 * its path is ever logged; only its hash is kept.
 */
final class AdminKeyFile {

    static final String FILE_NAME = "admin.key";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AdminKeyFile() {
    }

    /** The configuration entry of the admin key in {@code dataDir}, creating the file when there is none. */
    static SecurityProperties.Key loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            String key;
            if (Files.exists(file)) {
                checkOwnerOnly(file);
                key = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (key.isEmpty()) {
                    throw new IllegalStateException(file + " is empty; delete it to have a new admin key generated");
                }
                log.info("No API keys configured: the admin key is the one in {}", file);
            } else {
                key = create(file);
                log.warn("No API keys configured: generated an admin API key in {} (readable by its owner only); "
                        + "send it as X-API-Key or Authorization: Bearer", file);
            }
            return new SecurityProperties.Key("admin (" + FILE_NAME + ")", ApiKeys.sha256Hex(key), Role.ADMIN, "red");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin key " + file, e);
        }
    }

    /** Written to a temporary file created owner-only, then renamed into place: never readable by others, never half-written. */
    private static String create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Path temporary = posix(file)
                ? Files.createTempFile(file.getParent(), ".admin.key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(file.getParent(), ".admin.key", ".tmp");
        try {
            Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return key;
    }

    private static void checkOwnerOnly(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        var permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException(file + " is readable or writable by others (" + PosixFilePermissions.toString(permissions)
                    + "); it holds the admin key: make it owner-only (chmod 600), or delete it to have a new key generated");
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
