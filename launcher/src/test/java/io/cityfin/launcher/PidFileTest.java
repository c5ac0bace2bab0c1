package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void writesItsPidAndRemovesItOnRelease() throws Exception {
        Path file = dir.resolve("launcher.pid");

        PidFile pidFile = PidFile.acquire(file, 4242);

        assertThat(file).hasContent("4242");
        assertThat(pidFile.release()).isTrue();
        assertThat(file).doesNotExist();
        assertThat(pidFile.release()).isFalse();
    }

    @Test
    void refusesWhileTheFileNamesALiveProcess() throws Exception {
        Path file = dir.resolve("launcher.pid");
        long livePid = ProcessHandle.current().pid();
        Files.writeString(file, livePid + "\n");

        assertThatExceptionOfType(PidFile.AlreadyRunningException.class).isThrownBy(() -> PidFile.acquire(file, 4242))
            .withMessageContaining("already running (launcher pid " + livePid)
            .withMessageContaining("./cityfin stop");
        assertThat(file).hasContent(Long.toString(livePid));
    }

    @Test
    void replacesAFileLeftByADeadProcess() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path file = dir.resolve("launcher.pid");
        Files.writeString(file, finished.pid() + "\n");

        PidFile.acquire(file, 4242);

        assertThat(file).hasContent("4242");
    }

    @Test
    void leavesAFileThatNamesAnotherLauncher() throws Exception {
        Path file = dir.resolve("launcher.pid");
        PidFile pidFile = PidFile.acquire(file, 4242);
        Files.writeString(file, "4343\n");

        assertThat(pidFile.release()).isFalse();
        assertThat(file).hasContent("4343");
    }

}
