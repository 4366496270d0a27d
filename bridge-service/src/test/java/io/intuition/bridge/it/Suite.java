package io.intuition.bridge.it;

import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts the suite's processes for end-to-end tests: the algo-service and the bridge-service. */
final class Suite {
  static final Duration START = Duration.ofSeconds(30);

  private Suite() {}

  /** The algo-service serving on {@code address}. */
  static ManagedProcess algo(String address) {
    return ManagedProcess.start(
            "algo-service",
            ProjectPaths.root(),
            List.of(
                ProjectPaths.java(),
                "-Xmx128m",
                "-jar",
                ProjectPaths.serviceJar("algo-service").toString(),
                "--addr",
                address,
                "--seed",
                "11"))
        .awaitOutput("serving on", START);
  }

  /** The bridge-service between the broker and the algo, with extra options. */
  static ManagedProcess bridge(String mqttUrl, String rpc, String... options) {
    return bridge(List.of("-Xmx128m"), mqttUrl, rpc, options);
  }

  /** The bridge-service with these JVM flags, between the broker and the algo. */
  static ManagedProcess bridge(List<String> jvm, String mqttUrl, String rpc, String... options) {
    List<String> command = new ArrayList<>(List.of(ProjectPaths.java()));
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-jar",
            ProjectPaths.serviceJar("bridge-service").toString(),
            "--mqtt",
            mqttUrl,
            "--rpc",
            rpc,
            "--rpc-timeout",
            "3"));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectPaths.root().toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("BRIDGE_"));
    return ManagedProcess.start("bridge-service", builder);
  }

  /** A free zerorpc address on loopback. */
  static String freeRpcAddress() {
    return "tcp://127.0.0.1:" + ProjectPaths.freePort();
  }
}
