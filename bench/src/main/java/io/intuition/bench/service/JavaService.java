package io.intuition.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts one of the suite's services from its jar as a process of its own. */
public final class JavaService {
  private JavaService() {}

  /**
   * Starts {@code java <jvmFlags> -jar <jar> <args>}, its output to {@code <logs>/<name>.log}.
   *
   * @throws IllegalStateException if the jar is missing
   */
  public static ServiceProcess start(
      String name, Path jar, List<String> jvmFlags, List<String> args, Path logs)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (mvn -B package -DskipTests -DskipITs)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    // as scripts/run.sh and the images: fewer malloc arenas, a smaller resident set
    return ServiceProcess.start(
        name, command, jar.getParent(), logs, Map.of("MALLOC_ARENA_MAX", "2"));
  }
}
