package io.intuition.algo.server;

import io.intuition.common.cli.CurveOptions;
import io.intuition.common.rpc.RemoteException;
import io.intuition.common.rpc.RpcException;
import io.intuition.common.rpc.client.RpcClient;
import io.intuition.common.rpc.curve.ClientCredentials;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the book of a running algo-service, once as a table or as a line every few seconds. */
@Command(
    name = "portfolio",
    mixinStandardHelpOptions = true,
    versionProvider = Candidates.Version.class,
    description = "Prints the book of a running algo-service: cash, equity, PnL and positions.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:printed",
      "1:no answer, or the algo has no book yet",
      "2:invalid command line"
    })
final class PortfolioCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "${env:ALGO_RPC:-tcp://127.0.0.1:4242}",
      description = "The algo-service's address (env ALGO_RPC, default ${DEFAULT-VALUE}).")
  String address;

  @Option(
      names = "--every",
      paramLabel = "SECONDS",
      description = "Prints a line every SECONDS until stopped, instead of the table once.")
  Integer every;

  @Option(
      names = "--timeout",
      defaultValue = "5",
      paramLabel = "SECONDS",
      description = "How long to wait for an answer (default ${DEFAULT-VALUE}).")
  int timeout;

  @Option(
      names = CurveOptions.SERVER_KEY,
      defaultValue = "${env:ALGO_RPC_CURVE_SERVER_KEY}",
      paramLabel = "KEY",
      description =
          "For an algo with CURVE: its public key, as the key in Z85 or the path of its .key"
              + " file (env ALGO_RPC_CURVE_SERVER_KEY).")
  String curveServerKey;

  @Option(
      names = CurveOptions.SECRET_KEY_FILE,
      defaultValue = "${env:ALGO_RPC_CURVE_SECRET_KEY_FILE}",
      paramLabel = "FILE",
      description =
          "With --curve-server-key: this client's key pair (a .key_secret from keygen), whose"
              + " public key is among the algo's --curve-clients (env"
              + " ALGO_RPC_CURVE_SECRET_KEY_FILE).")
  Path curveSecretKeyFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (timeout < 1 || (every != null && every < 1)) {
      err.println("portfolio: --timeout and --every must be positive");
      return 2;
    }
    ClientCredentials curve;
    try {
      curve = CurveOptions.client(curveServerKey, curveSecretKeyFile);
    } catch (IllegalArgumentException e) {
      err.println("portfolio: " + e.getMessage());
      return 2;
    }
    try (RpcClient client =
        RpcClient.builder(address).timeout(Duration.ofSeconds(timeout)).curve(curve).build()) {
      do {
        Map<?, ?> book = (Map<?, ?>) client.invoke("portfolio");
        if (every == null) {
          PortfolioTable.print(book, out);
          return 0;
        }
        out.println(PortfolioTable.line(book));
        out.flush();
        TimeUnit.SECONDS.sleep(every);
      } while (!Thread.currentThread().isInterrupted());
      return 0;
    } catch (RemoteException e) {
      err.println("portfolio: " + address + " answered " + e.getMessage());
      return 1;
    } catch (RpcException e) {
      err.println("portfolio: no answer from " + address + ": " + e.getMessage());
      return 1;
    }
  }
}
