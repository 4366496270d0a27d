package io.intuition.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where integration tests find the project's build output and peers, and free ports. */
public final class ProjectPaths {
  private ProjectPaths() {}

  /** The project's root folder: {@code intuition.root} as set by the build, else the parent. */
  public static Path root() {
    String root = System.getProperty("intuition.root");
    Path path = root != null ? Path.of(root) : Path.of("..");
    return path.toAbsolutePath().normalize();
  }

  /** A service's runnable jar, such as {@code algo-service/target/algo-service.jar}. */
  public static Path serviceJar(String service) {
    Path jar = root().resolve(service).resolve("target").resolve(service + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with mvn package first");
    }
    return jar;
  }

  /** The java binary running this test. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A TCP port free on loopback right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
