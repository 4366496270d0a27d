package io.intuition.launcher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar launcher.jar run} until SIGTERM: the stop is ordered and the exit clean. */
class LauncherIT {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path temp;
  private ManagedProcess launcher;

  @AfterEach
  void destroy() {
    if (launcher != null) {
      launcher.close();
    }
  }

  @Test
  void run_untilSigterm_stopsTheBridgeGracefullyExitsZeroAndLeavesNothingRunning()
      throws IOException, InterruptedException {
    Path runDir = temp.resolve("run");
    int port = ProjectPaths.freePort();
    launcher =
        ManagedProcess.start(
            "launcher",
            temp,
            List.of(
                ProjectPaths.java(),
                "-jar",
                ProjectPaths.root().resolve("launcher/target/launcher.jar").toString(),
                "run",
                "--mqtt",
                "mqtt://127.0.0.1:" + port,
                "--run-dir",
                runDir.toString(),
                "--rate",
                "50"));
    launcher.awaitOutput("Orders and the book:", START_TIMEOUT);
    await("an order").atMost(START_TIMEOUT).until(() -> hasOrder(runDir));

    launcher.terminate(STOP_TIMEOUT);

    await("the launcher to exit").atMost(STOP_TIMEOUT).until(() -> !launcher.isAlive());
    assertThat(launcher.exitValue()).as("%s", launcher).isZero();
    assertThat(launcher.stdout())
        .contains("launcher: stopping ...", "launcher: logs are in " + runDir.toRealPath())
        .doesNotContain("killing it");
    assertThat(read(runDir.resolve("bridge-service.log")))
        .as("the bridge stopped by its own shutdown, its totals logged")
        .contains("stopped: received");
    pids(runDir)
        .forEach(
            (name, pid) ->
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                    .as("%s (pid %d)", name, pid)
                    .isEmpty());
  }

  private static boolean hasOrder(Path runDir) {
    Path orders = runDir.resolve("orders.log");
    return Files.exists(orders) && !read(orders).isBlank();
  }

  private static Map<String, Long> pids(Path runDir) {
    return read(runDir.resolve("pids"))
        .lines()
        .map(line -> line.split(" ", 2))
        .collect(Collectors.toMap(fields -> fields[1], fields -> Long.valueOf(fields[0])));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
