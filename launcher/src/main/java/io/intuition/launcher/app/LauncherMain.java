package io.intuition.launcher.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The launcher's entry point: {@code java -jar launcher/target/launcher.jar run ...}. */
@Command(
    name = "launcher",
    mixinStandardHelpOptions = true,
    version = "launcher 0.1.0",
    description = "Runs the suite on this machine.",
    subcommands = {RunCommand.class})
public final class LauncherMain {
  /** Runs the command line {@code args} and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LauncherMain()).execute(args));
  }
}
