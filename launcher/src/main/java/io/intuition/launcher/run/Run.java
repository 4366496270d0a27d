package io.intuition.launcher.run;

import io.intuition.launcher.process.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run of the suite on this machine: a broker, the services, the orders and the book shown as
 * they come, and a stop in the order that keeps the last orders. Its methods are called from one
 * thread, but {@link #stop} may also come from a shutdown hook.
 */
public final class Run {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration FORGET_TIMEOUT = Duration.ofSeconds(5);
  private static final long SUPERVISE_POLL_MS = 500;
  private static final String SUBSCRIBER = "subscriber";
  // what the no-mosquitto_sub fallback shows: the algo's DEBUG line for each order it places
  // ("{quote} -> [{order}]") and the bridge's order lines and counters
  private static final Pattern ORDER_LINES =
      Pattern.compile("-> \\[\\{|order", Pattern.CASE_INSENSITIVE);

  private final Settings settings;
  private final Console console;
  private final RunFolder folder;
  private final Started started;
  private final String clientId;
  private final Optional<Path> subscriber;
  private final List<LogTail> tails = new ArrayList<>();
  private boolean brokerStarted;
  private volatile boolean stopping;

  private Run(Settings settings, Console console, RunFolder folder) {
    this.settings = settings;
    this.console = console;
    this.folder = folder;
    this.started = new Started(folder, console);
    long pid = ProcessHandle.current().pid();
    this.clientId = "bridge-run-" + System.currentTimeMillis() / 1000 + "-" + pid;
    this.subscriber = onPath("mosquitto_sub");
  }

  /** Creates the run folder of {@code settings}. */
  public static Run prepare(Settings settings, Console console) {
    return new Run(settings, console, RunFolder.create(settings.runDir(), settings.root()));
  }

  /** The run folder. */
  public RunFolder folder() {
    return folder;
  }

  /**
   * Starts the broker (unless one listens), the services and the display.
   *
   * @throws RunFailure if one of them does not start
   */
  public void start() throws InterruptedException {
    console.say("run folder " + folder);
    brokerStarted =
        new Broker(settings.broker(), settings.environment())
            .start(settings.root(), folder, started, console, START_TIMEOUT);
    // the fallback shows orders from the logs, at DEBUG
    String level = subscriber.isPresent() ? "INFO" : "DEBUG";
    Path orders = folder.write("orders.log", "");
    // mosquitto_sub subscribes before the first order; the fallback follows the services' logs
    subscriber.ifPresent(this::subscribe);
    new Services(settings, started, console, START_TIMEOUT).start(level, clientId);
    if (subscriber.isEmpty()) {
      List<Path> logs = List.of(folder.log(Services.ALGO), folder.log(Services.BRIDGE));
      tails.add(
          LogTail.start(
              "log-filter",
              logs,
              line -> ORDER_LINES.matcher(line).find(),
              line -> append(orders, line)));
      console.say(
          "orders: mosquitto_sub is not installed: showing the order lines of the algo and bridge"
              + " logs (LOG_LEVEL=DEBUG)");
    }
    tails.add(
        LogTail.start(
            "display", List.of(orders, folder.log(Services.BOOK)), line -> true, console::line));
    String limit = settings.duration().map(d -> "running for " + d.toSeconds() + " s; ").orElse("");
    console.say(limit + "Ctrl-C stops everything. Orders and the book:");
  }

  /**
   * Waits for the end of the duration, or for ever without one, or until {@link #stop} begins.
   *
   * @throws RunFailure if a process exits by itself
   */
  public void supervise() throws InterruptedException {
    long deadline = System.nanoTime() + settings.duration().orElse(Duration.ZERO).toNanos();
    while (!stopping && (settings.duration().isEmpty() || System.nanoTime() - deadline < 0)) {
      Optional<ServiceProcess> exited = started.firstExited();
      if (exited.isPresent() && !stopping) {
        ServiceProcess process = exited.get();
        throw new RunFailure(
            process.name()
                + " exited by itself (status "
                + process.exitStatus().orElse(-1)
                + "); its log: "
                + process.log());
      }
      TimeUnit.MILLISECONDS.sleep(SUPERVISE_POLL_MS); // a child's exit has no event to wait on here
    }
  }

  /**
   * Stops what it started, intake first, then what it feeds, so that the last orders still reach
   * the log.
   */
  public synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    started.close();
    if (!started.isEmpty()) {
      console.say("stopping ...");
      started.stop(Services.FEED, Services.BRIDGE);
      forgetSession();
      started.stop(Services.CONSOLE, Services.BOOK, Services.ALGO);
      started.stop(SUBSCRIBER);
      tails.forEach(LogTail::close);
      started.stop(Broker.NAME);
    }
    console.say("logs are in " + folder);
  }

  /** Whether {@link #stop} has begun. */
  public boolean isStopping() {
    return stopping;
  }

  private void subscribe(Path mosquittoSub) {
    // it flushes each message on stdout; errors go to its own log
    ProcessBuilder builder =
        new ProcessBuilder(
                mosquittoSub.toString(),
                "-h",
                settings.broker().host(),
                "-p",
                Integer.toString(settings.broker().port()),
                "-t",
                "orders",
                "-v")
            .redirectOutput(folder.directory().resolve("orders.log").toFile())
            .redirectError(folder.log(SUBSCRIBER).toFile());
    ServiceProcess process = started.start(SUBSCRIBER, builder);
    console.say("orders: mosquitto_sub -t orders -v, pid " + process.pid());
  }

  /**
   * The bridge's session is persistent and its client id unique to this run: on a broker that
   * outlives the run, it would collect every quote from now on. A clean-session connection with the
   * same id discards it.
   */
  private void forgetSession() {
    if (brokerStarted || started.get(Services.BRIDGE).isEmpty()) {
      return;
    }
    if (subscriber.isEmpty()) {
      console.say(
          "the broker keeps the session of "
              + clientId
              + ": mosquitto_sub is missing to discard it");
      return;
    }
    List<String> command =
        List.of(
            subscriber.get().toString(),
            "-h",
            settings.broker().host(),
            "-p",
            Integer.toString(settings.broker().port()),
            "-i",
            clientId,
            "-t",
            clientId + "/forget",
            "-E");
    try {
      Process forget =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!forget.waitFor(FORGET_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          || forget.exitValue() != 0) {
        forget.destroyForcibly();
        console.say("could not discard the session of " + clientId + " on the broker");
      }
    } catch (IOException e) {
      console.say("could not discard the session of " + clientId + " on the broker");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<Path> onPath(String program) {
    String path = settings.environment().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static synchronized void append(Path file, String line) {
    try {
      Files.writeString(file, line + "\n", java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the orders file is a view of the logs, which keep every line
    }
  }
}
