package io.intuition.console.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser test script {@code console/e2e/console.e2e.mjs}, run with node: what it needs (node,
 * playwright-core in {@code console/e2e/node_modules}, a Chromium) and how it ended.
 */
final class E2eScript {
  static final String CHROMIUM_DEFAULT = "/usr/bin/chromium";
  private static final String SETUP = "scripts/setup-console-e2e.sh";

  private final Path directory;
  private final Path chromium;

  private E2eScript(Path directory, Path chromium) {
    this.directory = directory;
    this.chromium = chromium;
  }

  /**
   * The script, once its prerequisites are checked; skips the calling test (JUnit assumptions),
   * naming what is missing and how to install it, when one is not.
   */
  static E2eScript requirePrerequisites() {
    String configured = System.getenv("CHROMIUM_PATH");
    Path chromium =
        Path.of(configured == null || configured.isBlank() ? CHROMIUM_DEFAULT : configured);
    assumeTrue(
        Files.isExecutable(chromium),
        "Chromium is missing at "
            + chromium
            + ": install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH");
    assumeTrue(
        nodeRuns(), "node is missing: install Node.js 18 or newer (apt-get install nodejs npm)");
    Path directory = ProjectPaths.root().resolve("console/e2e");
    assumeTrue(
        Files.isDirectory(directory.resolve("node_modules/playwright-core")),
        "playwright-core is missing in "
            + directory.resolve("node_modules")
            + ": run "
            + SETUP
            + " (npm ci in console/e2e; it downloads no browser)");
    return new E2eScript(directory, chromium);
  }

  /**
   * Runs the script against the console at {@code url} and the broker at {@code mqttPort}, saving
   * its screenshots and its output ({@code e2e.log}) in {@code out}, with the script's {@code
   * options} beside.
   *
   * @return how it ended
   */
  Result run(String url, int mqttPort, Path out, Duration timeout, List<String> options) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "node",
                "console.e2e.mjs",
                "--url",
                url,
                "--mqtt-host",
                "127.0.0.1",
                "--mqtt-port",
                Integer.toString(mqttPort),
                "--out",
                out.toString()));
    command.addAll(options);
    try {
      Files.createDirectories(out);
      Path log = out.resolve("e2e.log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("CHROMIUM_PATH", chromium.toString());
      Process process = builder.start();
      boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
      if (!ended) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      return new Result(ended ? process.exitValue() : -1, output, ended);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running the browser test", e);
    }
  }

  private static boolean nodeRuns() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** How a run ended: its exit code (-1 when it timed out) and everything it printed. */
  record Result(int exitCode, String output, boolean ended) {}
}
