package io.intuition.common.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds the mosquitto binaries and runs the short-lived ones such as {@code mosquitto_pub}. */
final class MosquittoClients {
  private static final long RUN_TIMEOUT_S = 120;

  private MosquittoClients() {}

  /** The directories on PATH, then the sbin folders a package puts {@code mosquitto} in. */
  static List<Path> searchPath() {
    List<Path> directories = new ArrayList<>();
    String path = System.getenv().getOrDefault("PATH", "");
    Stream.of(path.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .forEach(entry -> directories.add(Path.of(entry)));
    directories.addAll(List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin")));
    return directories;
  }

  /** The executable {@code name} in the first of {@code searchPath} that holds one. */
  static Optional<Path> find(String name, List<Path> searchPath) {
    return searchPath.stream()
        .map(directory -> directory.resolve(name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Runs {@code mosquitto_pub} with {@code modeArgs} ({@code -m}, {@code -l}, {@code -n}). */
  static void publish(int port, String topic, int qos, List<String> modeArgs, List<String> lines) {
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2, but was " + qos);
    }
    for (String line : lines) {
      if (line.contains("\n") || line.contains("\r")) {
        throw new IllegalArgumentException(
            "line must not contain a line break, but was \"" + line + "\"");
      }
    }
    Path binary =
        find("mosquitto_pub", searchPath())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "mosquitto_pub is not installed: apt-get install mosquitto-clients"));
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-h", "127.0.0.1"));
    command.addAll(List.of("-p", String.valueOf(port), "-t", topic, "-q", String.valueOf(qos)));
    command.addAll(modeArgs);
    run(command, lines);
  }

  /**
   * Runs {@code command} with {@code lines} on standard input and waits up to 120 s for it.
   *
   * @throws AssertionError with its output if it fails or does not finish in time
   */
  static void run(List<String> command, List<String> lines) {
    Path input = null;
    Path output = null;
    try {
      input = Files.createTempFile("mosquitto-in-", ".txt");
      output = Files.createTempFile("mosquitto-out-", ".txt");
      Files.write(input, lines, StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(command)
              .redirectInput(input.toFile())
              .redirectErrorStream(true)
              .redirectOutput(Redirect.to(output.toFile()))
              .start();
      awaitSuccess(command, process, output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } finally {
      deleteQuietly(input);
      deleteQuietly(output);
    }
  }

  private static void awaitSuccess(List<String> command, Process process, Path output)
      throws IOException {
    try {
      if (!process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            command
                + " did not finish within "
                + RUN_TIMEOUT_S
                + " s:\n"
                + Files.readString(output));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          command + " exited with " + process.exitValue() + ":\n" + Files.readString(output));
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover file in the temp folder does no harm
    }
  }
}
