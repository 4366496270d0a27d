package io.intuition.algo.server;

import io.intuition.common.cli.CurveOptions;
import io.intuition.common.rpc.curve.ServerCredentials;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The CURVE options of the RPC server, as a picocli mixin. */
final class ServerCurveOptions {
  @Option(
      names = CurveOptions.SECRET_KEY_FILE,
      defaultValue = "${env:ALGO_CURVE_SECRET_KEY_FILE}",
      paramLabel = "FILE",
      description =
          "Turns CURVE on: encrypts the RPC link and answers only the clients of --curve-clients;"
              + " FILE is this service's key pair, a NAME.key_secret written by keygen"
              + " (env ALGO_CURVE_SECRET_KEY_FILE, default: CURVE off).")
  Path curveSecretKeyFile;

  @Option(
      names = CurveOptions.CLIENTS,
      defaultValue = "${env:ALGO_CURVE_CLIENTS}",
      paramLabel = "DIR",
      description =
          "With --curve-secret-key-file: the folder of the public keys (*.key) of the clients"
              + " allowed; a client with no key or another gets no answer (env ALGO_CURVE_CLIENTS).")
  Path curveClients;

  /**
   * The server's credentials, or null with CURVE off.
   *
   * @throws IllegalArgumentException naming the option whose file or folder cannot be used
   */
  ServerCredentials credentials() {
    return CurveOptions.server(curveSecretKeyFile, curveClients);
  }
}
