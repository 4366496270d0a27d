package io.intuition.launcher.run;

import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** A run's folder: a log per process, the pids of those started, the broker's data. */
public final class RunFolder {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path directory;

  private RunFolder(Path directory) {
    this.directory = directory;
  }

  /**
   * Creates {@code given}, or {@code <root>/runs/<timestamp>} when it is null, with an empty pids
   * file.
   *
   * @throws UncheckedIOException if it cannot
   */
  public static RunFolder create(Path given, Path root) {
    Path directory = given;
    if (directory == null) {
      directory = root.resolve("runs").resolve(LocalDateTime.now().format(STAMP));
      if (Files.exists(directory)) {
        directory =
            directory.resolveSibling(directory.getFileName() + "-" + ProcessHandle.current().pid());
      }
    }
    try {
      Files.createDirectories(directory);
      RunFolder folder = new RunFolder(directory.toRealPath());
      Files.writeString(folder.pids(), "");
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run folder " + directory, e);
    }
  }

  /** The folder. */
  public Path directory() {
    return directory;
  }

  /** {@code <name>.log} in it. */
  public Path log(String name) {
    return directory.resolve(name + ".log");
  }

  /** The file of {@code pid name} lines, one per process started. */
  public Path pids() {
    return directory.resolve("pids");
  }

  /** Adds {@code process} to the pids file. */
  void record(ServiceProcess process) {
    append(pids(), process.pid() + " " + process.name() + "\n");
  }

  /** Writes {@code text} to {@code name} in the folder, replacing it. */
  Path write(String name, String text) {
    Path file = directory.resolve(name);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(
          file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public String toString() {
    return directory.toString();
  }
}
