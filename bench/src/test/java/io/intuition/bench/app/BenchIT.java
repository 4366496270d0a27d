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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the bench jar, as {@code scripts/bench.sh} does, with a real Mosquitto and the real
 * services, on a tiny load: every step must report (the original stack, or why it was skipped), and
 * the results must be written. Timings are printed, never asserted.
 */
class BenchIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  private static final List<String> STEPS =
      List.of(
          "ceiling",
          "suite cold start",
          "suite warm throughput",
          "latency",
          "rpc alone",
          "original stack",
          "overload",
          "hostile input");

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
                "--cold-quotes",
                "2000",
                "--overload-quotes",
                "5000",
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
        .contains("Broker: mosquitto ", "broker alone (ceiling)", "suite, cold: first 2,000")
        .contains("suite: quote -> bridge -> algo -> order")
        .contains("Latency", "RPC alone", "window 16", "Resources", "bridge-service")
        .contains("CPU per quote", "Overload: 5,000 quotes", "Hostile input", "Steps", "Targets");

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
    assertThat(report.get("targets"))
        .extracting(target -> target.get("name").asText())
        .contains("suite throughput, cold", "suite p99 / broker p99 at 1,000/s")
        .contains("bridge CPU per quote, warm", "hostile: one 100 MiB frame")
        .anyMatch(name -> name.startsWith("overload, mosquitto "));
    assertNewSections(report);

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
  void state_shortRun_printsFillsPerSecondForEachWindow() throws Exception {
    bench =
        ManagedProcess.start(
            "bench state",
            ProjectPaths.root(),
            List.of(
                ProjectPaths.java(),
                "-jar",
                ProjectPaths.root().resolve("bench/target/bench.jar").toString(),
                "state",
                "--seconds",
                "1",
                "--windows",
                "1,16"));

    assertThat(bench.awaitExit(RUN_TIMEOUT)).as(bench.toString()).isTrue();
    assertThat(bench.exitValue()).as(bench.toString()).isZero();
    System.out.println(bench.stdout());
    assertThat(bench.stdout().lines())
        .anySatisfy(line -> assertThat(line).matches(" +1 +[\\d,]+ +[\\d,]+ +[\\d,]+"))
        .anySatisfy(line -> assertThat(line).matches(" +16 +[\\d,]+ +[\\d,]+ +[\\d,]+"));
  }

  private static void assertNewSections(JsonNode report) {
    assertThat(report.at("/broker/version").asText()).matches("\\d+\\.\\d+.*");
    assertThat(report.at("/cold/throughput/arrived").asLong()).isEqualTo(2000);
    assertThat(report.at("/cold/secondsToOpen").asDouble()).isPositive();
    assertThat(report.at("/coldToCeiling").asDouble()).isPositive();
    assertThat(report.at("/cpuPerQuote/bridgeMicros").asDouble()).isPositive();
    assertThat(report.at("/cpuPerQuote/suiteToBroker").asDouble()).isPositive();
    if (report.get("original").isNull()) {
      assertThat(report.get("notes").toString()).contains("original stack skipped: ");
    } else {
      assertThat(report.at("/original/throughput/arrived").asLong()).isEqualTo(3000);
      assertThat(report.at("/original/warmMultiple").asDouble()).isPositive();
      assertThat(report.get("notes").toString()).contains("Node zerorpc algo");
    }
    assertThat(report.get("overload")).isNotEmpty();
    for (JsonNode run : report.get("overload")) {
      assertThat(run.get("sent").asLong()).as(run.toString()).isEqualTo(5000);
      assertThat(run.get("answered").asLong()).as(run.toString()).isPositive();
      assertThat(run.get("bridgePeakRssMb").asDouble()).as(run.toString()).isPositive();
    }
    assertThat(report.get("hostile"))
        .extracting(run -> run.get("name").asText())
        .containsExactly(
            "one 100 MiB frame", "event of 1,000,000 symbols", "200,000 requests, replies unread");
    for (JsonNode run : report.get("hostile")) {
      assertThat(run.get("peakRssMb").asDouble()).as(run.toString()).isPositive();
      assertThat(run.get("detail").asText()).as(run.toString()).isNotBlank();
    }
    List<String> steps = new ArrayList<>();
    report.get("stepSeconds").fieldNames().forEachRemaining(steps::add);
    assertThat(steps).containsExactlyElementsOf(STEPS);
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
