package io.intuition.bench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.intuition.bench.load.Arrivals;
import io.intuition.bench.load.Publisher;
import io.intuition.bench.report.Throughput;
import io.intuition.bench.service.Pairs;
import io.intuition.bench.service.ProcessUsage;
import io.intuition.bench.step.Flow;
import io.intuition.launcher.broker.LocalMosquitto;
import io.intuition.launcher.broker.MosquittoFinder;
import io.intuition.launcher.process.ServiceProcess;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Measures 1, 2, 3... bridge/algo pairs sharing one stream, side by side in one run. */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    versionProvider = BenchMain.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "For each count in --pairs, starts that many algo-services and bridge-services, the",
      "bridges in one shared group ($share/<group>/quotes), warms them up, then publishes",
      "--quotes quotes as fast as the broker takes them and times them from the first",
      "publish to the last order. Prints the answered quotes/s, the speed-up over one pair",
      "(else over the first count) and the CPU time per quote",
      "(bridges, algos, broker: user + system from /proc) and writes",
      "<out>/scale-<timestamp>.json. The bench's own options (--mosquitto,",
      "--service-jvm, --bridge-window, --publish-window, --out) go before 'scale'."
    })
final class ScaleCommand implements Callable<Integer> {
  private static final Duration OPEN_LIMIT = Duration.ofSeconds(60);
  private static final Duration IDLE_LIMIT = Duration.ofSeconds(30);
  private static final int MAX_PAIRS = 8;

  @ParentCommand BenchMain bench;

  @Option(
      names = "--pairs",
      split = ",",
      defaultValue = "1,2,3",
      description = "The pair counts to measure, in order (default ${DEFAULT-VALUE}).")
  List<Integer> pairs;

  @Option(
      names = "--quotes",
      defaultValue = "30000",
      description = "Quotes timed for each count (default ${DEFAULT-VALUE}).")
  long quotes;

  @Option(
      names = "--warmup",
      defaultValue = "5000",
      description = "Quotes sent first, untimed, for the JIT (default ${DEFAULT-VALUE}).")
  long warmup;

  @Spec CommandSpec spec;

  /** One count's measurement; CPU in microseconds per answered quote. */
  record ScaleRun(
      int pairs,
      Throughput throughput,
      double bridgeCpuMicros,
      double algoCpuMicros,
      double brokerCpuMicros) {
    double totalCpuMicros() {
      return bridgeCpuMicros + algoCpuMicros + brokerCpuMicros;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (quotes <= 0 || warmup < 0 || pairs.stream().anyMatch(n -> n < 1 || n > MAX_PAIRS)) {
      throw new ParameterException(
          spec.commandLine(),
          "--quotes must be positive, --warmup not negative and each of --pairs 1 to "
              + MAX_PAIRS
              + ", but were "
              + quotes
              + ", "
              + warmup
              + ", "
              + pairs);
    }
    String timestamp = LocalDateTime.now().format(BenchMain.STAMP);
    Path logs = bench.out.resolve("logs").resolve("scale-" + timestamp);
    try (LocalMosquitto broker =
        bench.startBroker(new BrokerChoice(MosquittoFinder.here()), logs)) {
      List<ScaleRun> runs = new ArrayList<>();
      for (int count : pairs) {
        runs.add(run(count, broker, logs));
        System.out.println(line(runs.get(0), runs.get(runs.size() - 1)));
      }
      print(runs, broker.binary().label());
      Path file = bench.out.resolve("scale-" + timestamp + ".json");
      Files.createDirectories(bench.out);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(file.toFile(), Map.of("broker", broker.binary().label(), "runs", runs));
      System.out.println("wrote " + file + " (logs in " + logs + ")");
      return runs.stream().allMatch(run -> run.throughput().complete()) ? 0 : 1;
    } catch (IllegalStateException | MqttException e) {
      System.err.println("bench scale: " + e.getMessage());
      return 1;
    }
  }

  private ScaleRun run(int count, LocalMosquitto broker, Path logs)
      throws IOException, InterruptedException, MqttException, URISyntaxException {
    String group = "scale-" + count;
    try (Pairs suite =
            Pairs.start(
                bench.project(),
                broker.url(),
                count,
                group,
                bench.bridgeWindow,
                bench.serviceJvm,
                logs);
        Publisher publisher = Publisher.connect(broker.url(), bench.publishWindow);
        Arrivals orders = Arrivals.subscribe(broker.url(), "orders")) {
      Flow flow = new Flow(group, publisher, "quotes", orders, IDLE_LIMIT);
      flow.awaitOpen(OPEN_LIMIT);
      flow.warmUp(warmup);
      double[] before = cpu(suite, broker);
      Throughput throughput = flow.throughput(quotes);
      double[] after = cpu(suite, broker);
      suite.requireAlive();
      double perQuote = 1e6 / Math.max(1, throughput.arrived());
      return new ScaleRun(
          count,
          throughput,
          (after[0] - before[0]) * perQuote,
          (after[1] - before[1]) * perQuote,
          (after[2] - before[2]) * perQuote);
    }
  }

  /** CPU seconds so far of the bridges, the algos and the broker. */
  private static double[] cpu(Pairs suite, LocalMosquitto broker) throws IOException {
    return new double[] {seconds(suite.bridges()), seconds(suite.algos()), seconds(broker.pid())};
  }

  private static double seconds(List<ServiceProcess> processes) throws IOException {
    double sum = 0;
    for (ServiceProcess process : processes) {
      sum += seconds(process.pid());
    }
    return sum;
  }

  private static double seconds(long pid) throws IOException {
    ProcessUsage usage = ProcessUsage.of(pid);
    return usage.userSeconds() + usage.systemSeconds();
  }

  private void print(List<ScaleRun> runs, String broker) {
    System.out.printf(
        "%nScale-out on %d cores, %s, %d quotes each, shared group%n",
        Runtime.getRuntime().availableProcessors(), broker, quotes);
    System.out.println(
        "pairs  answered   seconds  quotes/s  per pair  speed-up  CPU us/quote: bridges  algos  broker  total");
    ScaleRun base = runs.stream().filter(run -> run.pairs() == 1).findFirst().orElse(runs.get(0));
    runs.forEach(run -> System.out.println(line(base, run)));
  }

  private static String line(ScaleRun first, ScaleRun run) {
    Throughput t = run.throughput();
    return String.format(
        "%5d  %8d  %8.2f  %8.0f  %8.0f  %7.2fx  %21.0f  %5.0f  %6.0f  %5.0f",
        run.pairs(),
        t.arrived(),
        t.seconds(),
        t.perSecond(),
        t.perSecond() / run.pairs(),
        t.perSecond() / Math.max(1e-9, first.throughput().perSecond()),
        run.bridgeCpuMicros(),
        run.algoCpuMicros(),
        run.brokerCpuMicros(),
        run.totalCpuMicros());
  }
}
