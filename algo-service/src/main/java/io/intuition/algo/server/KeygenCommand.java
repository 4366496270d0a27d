package io.intuition.algo.server;

import io.intuition.common.rpc.curve.CurveKeyPair;
import io.intuition.common.rpc.curve.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a CURVE key pair for either end of the RPC link. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    versionProvider = Candidates.Version.class,
    description = {
      "Writes a CURVE key pair for the RPC link: NAME.key (the public key, to hand to the peers)"
          + " and NAME.key_secret (the key pair, readable by its owner only), in the format of"
          + " czmq and pyzmq's zmq.auth.",
      "The algo-service takes its own with --curve-secret-key-file and its clients' public keys"
          + " as the *.key files of --curve-clients DIR; a client (the bridge, portfolio) takes its"
          + " own with --curve-secret-key-file and the algo's public key with --curve-server-key."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "1:a file exists (see --force) or cannot be written",
      "2:invalid command line"
    })
final class KeygenCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The files' name, such as algo or bridge.")
  String name;

  @Option(
      names = "--out",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The folder to write them in (default: the current one).")
  Path out;

  @Option(names = "--force", description = "Replaces files that exist.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      err.println("keygen: NAME must be letters, digits, '.', '_' or '-', but was " + name);
      return 2;
    }
    if (!Files.isDirectory(out)) {
      err.println("keygen: --out " + out + ": no such directory");
      return 2;
    }
    CurveKeyPair pair = CurveKeyPair.generate();
    KeyFiles.Written written;
    try {
      written = KeyFiles.write(out, name, pair, force);
    } catch (FileAlreadyExistsException e) {
      err.println("keygen: " + e.getFile() + " exists: pass --force to replace it");
      return 1;
    } catch (IOException e) {
      err.println("keygen: cannot write the keys into " + out + ": " + e.getMessage());
      return 1;
    }
    PrintWriter printed = spec.commandLine().getOut();
    printed.println("public key " + pair.publicKey());
    printed.println("wrote " + written.publicFile() + " (public: give it to the peers)");
    printed.println("wrote " + written.secretFile() + " (secret, mode 0600: keep it here)");
    printed.flush();
    return 0;
  }
}
