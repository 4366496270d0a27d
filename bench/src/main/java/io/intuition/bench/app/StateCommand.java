package io.intuition.bench.app;

import io.intuition.bench.service.Algo;
import io.intuition.bench.step.StateWrites;
import io.intuition.common.rpc.client.RpcClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Measures the orders per second an algo-service fills when it keeps its state in a file. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    versionProvider = BenchMain.Version.class,
    description = {
      "Starts an algo-service with --state (fixed-fraction) and sends it event calls that each",
      "fill an order, at each window, from a fresh book: prints fills per second and the size",
      "of the state file, which it saves before the replies of each round leave."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:measured", "1:could not measure", "2:invalid command line"})
final class StateCommand implements Callable<Integer> {

  @ParentCommand BenchMain bench;

  @Option(
      names = "--seconds",
      defaultValue = "20",
      description = "How long each window is measured (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--windows",
      split = ",",
      defaultValue = "1,64",
      description = "Calls in flight at most, each measured (default ${DEFAULT-VALUE}).")
  List<Integer> windows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (seconds <= 0 || windows.stream().anyMatch(window -> window < 1)) {
      spec.commandLine().getErr().println("bench state: --seconds and --windows must be above 0");
      return 2;
    }
    Path folder = Files.createTempDirectory("intuition-state");
    Path stateFile = folder.resolve("book.state");
    List<String> options = List.of("--sizer", "fixed-fraction", "--state", stateFile.toString());
    try (Algo algo =
            Algo.start(bench.project(), bench.serviceJvm, folder, "algo-service", options);
        RpcClient client = RpcClient.connect(algo.address(), Duration.ofSeconds(30))) {
      Duration each = Duration.ofMillis(Math.round(seconds * 1_000));
      print(new StateWrites(client, stateFile).run(windows, each), System.out);
      return 0;
    } catch (IllegalStateException e) {
      spec.commandLine()
          .getErr()
          .println("bench state: " + e.getMessage() + " (logs in " + folder + ")");
      return 1;
    }
  }

  private void print(List<StateWrites.Run> runs, PrintStream out) {
    out.printf(
        "algo-service --state: orders filled and saved, %s s per window from a fresh book%n",
        seconds);
    out.printf("  %8s %10s %10s %14s%n", "window", "fills/s", "fills", "state file KB");
    for (StateWrites.Run run : runs) {
      out.printf(
          "  %8d %,10.0f %,10d %,14d%n",
          run.window(), run.fillsPerSecond(), run.fills(), run.stateBytes() / 1024);
    }
  }
}
