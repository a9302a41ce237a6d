package org.attributiongraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The admin key of a server without configured keys: created owner-only, reused, never logged. */
@ExtendWith(OutputCaptureExtension.class)
class AdminKeyFileTests {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartWritesAnOwnerOnlyKeyAndLogsOnlyItsPath(CapturedOutput output) throws IOException {
        var entry = AdminKeyFile.loadOrCreate(dataDir.resolve("nested"));
        Path file = dataDir.resolve("nested/admin.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String key = Files.readString(file).strip();
        // 32 random bytes in base64url without padding.
        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        assertThat(entry.sha256()).isEqualTo(ApiKeys.sha256Hex(key));
        assertThat(entry.role()).isEqualTo(Role.ADMIN);
        assertThat(entry.clearance()).isEqualTo("red");
        assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(key);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("admin.key");
        }
    }

    @Test
    void laterStartsReuseTheKey(CapturedOutput output) throws IOException {
        var first = AdminKeyFile.loadOrCreate(dataDir);
        String key = Files.readString(dataDir.resolve("admin.key"));
        var second = AdminKeyFile.loadOrCreate(dataDir);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(Files.readString(dataDir.resolve("admin.key"))).isEqualTo(key);
        assertThat(output.getAll()).doesNotContain(key.strip());
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws IOException {
        Path file = dataDir.resolve("admin.key");
        Files.writeString(file, "some-key\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> AdminKeyFile.loadOrCreate(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(AdminKeyFile.loadOrCreate(dataDir).sha256()).isEqualTo(ApiKeys.sha256Hex("some-key"));
    }
}
