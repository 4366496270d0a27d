package io.intuition.bench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.testing.ManagedProcess;
import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the bench jar, as {@code scripts/bench.sh} does, with a real Mosquitto and the real
 * services, on a tiny load: every step must report, and the results must be written. Timings are
 * printed, never asserted.
 */
class BenchIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path out;
  private ManagedProcess bench;

  @AfterEach
  void stop() {
    if (bench != null) {
      bench.close();
    }
  }

  @Test
  void run_smallLoad_printsEveryStepAndWritesTheResultsAndThePlot() throws Exception {
    bench =
        ManagedProcess.start(
            "bench",
            ProjectPaths.root(),
            List.of(
                ProjectPaths.java(),
                "-jar",
                ProjectPaths.root().resolve("bench/target/bench.jar").toString(),
                "--quotes",
                "3000",
                "--warmup",
                "1000",
                "--rates",
                "200,1000",
                "--seconds",
                "1",
                "--rpc-seconds",
                "0.5",
                "--windows",
                "1,16",
                "--out",
                out.toString()));

    assertThat(bench.awaitExit(RUN_TIMEOUT)).as(bench.toString()).isTrue();
    assertThat(bench.exitValue()).as(bench.toString()).isZero();
    System.out.println(bench.stdout());
    assertThat(bench.stdout())
        .contains("broker alone (ceiling)", "suite: quote -> bridge -> algo -> order")
        .contains("Latency", "RPC alone", "window 16", "Resources", "bridge-service", "Targets");

    JsonNode report = new ObjectMapper().readTree(only(".json").toFile());
    assertThat(report.at("/ceiling/arrived").asLong()).isEqualTo(3000);
    assertThat(report.at("/suite/arrived").asLong()).isEqualTo(3000);
    assertThat(report.at("/suite/perSecond").asDouble()).isPositive();
    assertThat(report.at("/suiteToCeiling").asDouble()).isPositive();
    assertThat(report.get("latency")).hasSize(4);
    for (JsonNode run : report.get("latency")) {
      assertThat(run.at("/micros/count").asLong())
          .as(run.toString())
          .isEqualTo(run.get("sent").asLong());
      assertThat(run.at("/micros/p99").asDouble()).isPositive();
    }
    assertThat(report.at("/rpc/sequentialPerSecond").asDouble()).isPositive();
    assertThat(report.at("/rpc/pipelined")).hasSize(2);
    assertThat(report.get("usage"))
        .extracting(use -> use.get("service").asText())
        .containsExactly("bridge-service", "algo-service", "mosquitto");
    assertThat(report.at("/usage/0/peakRssMb").asDouble()).isPositive();
    assertThat(report.get("targets")).isNotEmpty();

    Path plot = only(".svg");
    assertThat(
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(plot.toFile())
                .getDocumentElement()
                .getElementsByTagName("polyline")
                .getLength())
        .isEqualTo(8);
  }

  @Test
  void run_zeroQuotes_exitsTwoNamingTheOption() throws Exception {
    bench =
        ManagedProcess.start(
            "bench",
            ProjectPaths.root(),
            List.of(
                ProjectPaths.java(),
                "-jar",
                ProjectPaths.root().resolve("bench/target/bench.jar").toString(),
                "--quotes",
                "0",
                "--out",
                out.toString()));

    assertThat(bench.awaitExit(Duration.ofSeconds(30))).isTrue();
    assertThat(bench.exitValue()).isEqualTo(2);
    assertThat(bench.stderr()).contains("--quotes");
  }

  private Path only(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      List<Path> matching = files.filter(f -> f.toString().endsWith(suffix)).toList();
      assertThat(matching).hasSize(1);
      return matching.get(0);
    }
  }
}
