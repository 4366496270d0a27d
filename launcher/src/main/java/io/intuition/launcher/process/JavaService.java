package io.intuition.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts one of the suite's services from its jar as a process of its own. */
public final class JavaService {
  /** What a service's process needs in its environment, beside this one's. */
  public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  private JavaService() {}

  /**
   * Starts {@code java <jvmFlags> -jar <jar> <args>}, its output to {@code <logs>/<name>.log}.
   *
   * @throws IllegalStateException if the jar is missing
   */
  public static ServiceProcess start(
      String name, Path jar, List<String> jvmFlags, List<String> args, Path logs)
      throws IOException {
    // as scripts/run.sh and the images: fewer malloc arenas, a smaller resident set
    return ServiceProcess.start(
        name, command(jar, jvmFlags, args), jar.getParent(), logs, ENVIRONMENT);
  }

  /**
   * {@code java <jvmFlags> -jar <jar> <args>}, with the java running this code.
   *
   * @throws IllegalStateException if the jar is missing
   */
  public static List<String> command(Path jar, List<String> jvmFlags, List<String> args) {
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
    return List.copyOf(command);
  }
}
