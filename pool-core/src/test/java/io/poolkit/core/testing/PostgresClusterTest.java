package io.poolkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL fixture fails, and says what to install, when the server binaries are missing. */
class PostgresClusterTest {

    @TempDir
    Path dir;

    @Test
    void missingBinariesFailWithWhatToInstall() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresCluster.binDir(null, dir.resolve("no-postgresql")));
        assertTrue(e.getMessage().contains("apt-get install -y postgresql"), e.getMessage());
    }

    @Test
    void theNewestVersionWithBothProgramsIsChosen() throws Exception {
        for (String version : new String[] {"13", "15", "16"}) {
            Path bin = Files.createDirectories(dir.resolve(version).resolve("bin"));
            executable(bin.resolve("initdb"));
            if (!version.equals("16")) {
                executable(bin.resolve("pg_ctl"));
            }
        }
        assertEquals(dir.resolve("15/bin"), PostgresCluster.binDir(null, dir));
    }

    private static void executable(Path file) throws Exception {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
