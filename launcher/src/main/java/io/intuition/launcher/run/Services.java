package io.intuition.launcher.run;

import io.intuition.launcher.process.JavaService;
import io.intuition.launcher.process.Processes;
import io.intuition.launcher.process.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts algo-service, bridge-service, feed-service, the console and the book, each when the one
 * before is ready. The algo announces itself on the broker, so that the console finds it.
 */
final class Services {
  static final String ALGO = "algo-service";
  static final String BRIDGE = "bridge-service";
  static final String FEED = "feed-service";
  static final String BOOK = "book";
  static final String CONSOLE = "console";

  /** The name the algo announces itself under, {@code services/algo/algo}. */
  static final String ALGO_NAME = "algo";

  private static final String SYMBOLS = "GOOG,AAPL,MSFT";
  private static final int BOOK_EVERY_S = 5;
  private static final Pattern SERVING = Pattern.compile("(?m)^serving on (tcp:\\S*) ");
  // the algo binds a free port itself and prints it: no race for a port
  private static final LogLine ALGO_SERVING = new LogLine("serving on tcp://", "serving");

  private final Settings settings;
  private final Started started;
  private final Console console;
  private final Duration limit;

  Services(Settings settings, Started started, Console console, Duration limit) {
    this.settings = settings;
    this.started = started;
    this.console = console;
    this.limit = limit;
  }

  /**
   * Starts them all, the algo and the bridge logging at {@code level}.
   *
   * @throws RunFailure if one exits or is not ready in time
   */
  void start(String level, String clientId) throws InterruptedException {
    List<String> algoOptions =
        new ArrayList<>(
            List.of("--addr", "tcp://127.0.0.1:*", "--mqtt", settings.mqtt(), "--name", ALGO_NAME));
    algoOptions.addAll(settings.strategy().algoOptions());
    int algoHttp = Processes.freePort();
    algoOptions.addAll(List.of("--http-port", Integer.toString(algoHttp)));
    ServiceProcess algo = java(ALGO, ALGO, algoOptions, level);
    new HealthEndpoint(algoHttp).await(algo, limit);
    ALGO_SERVING.await(algo, limit);
    String address = address(algo);
    console.say(
        ALGO
            + " on "
            + address
            + ": "
            + String.join(" ", settings.strategy().algoOptions())
            + ", pid "
            + algo.pid());

    List<String> bridgeOptions =
        new ArrayList<>(List.of("--mqtt", settings.mqtt(), "--rpc", address));
    bridgeOptions.addAll(settings.strategy().bridgeParams());
    int bridgeHttp = Processes.freePort();
    bridgeOptions.addAll(
        List.of("--client-id", clientId, "--http-port", Integer.toString(bridgeHttp)));
    ServiceProcess bridge = java(BRIDGE, BRIDGE, bridgeOptions, level);
    new HealthEndpoint(bridgeHttp).await(bridge, limit);
    console.say(
        BRIDGE
            + " as "
            + clientId
            + ", "
            + String.join(" ", settings.strategy().bridgeParams())
            + ", pid "
            + bridge.pid());

    int feedHttp = Processes.freePort();
    List<String> feedOptions =
        List.of(
            "--mqtt",
            settings.mqtt(),
            "--symbols",
            SYMBOLS,
            "--rate",
            settings.rate(),
            "--http-port",
            Integer.toString(feedHttp));
    ServiceProcess feed = java(FEED, FEED, feedOptions, null);
    new HealthEndpoint(feedHttp).await(feed, limit);
    console.say(FEED + ": " + SYMBOLS + " at " + settings.rate() + " quotes/s, pid " + feed.pid());

    console();

    // the book, as 'algo-service portfolio' prints it, every few seconds beside the orders
    List<String> bookOptions =
        List.of("portfolio", address, "--every", Integer.toString(BOOK_EVERY_S));
    ServiceProcess book = java(BOOK, ALGO, bookOptions, null);
    console.say(
        "book: a line every "
            + BOOK_EVERY_S
            + " s (algo-service portfolio "
            + address
            + "), pid "
            + book.pid());
  }

  /** The web console on loopback, when its jar is built; its address printed to open. */
  private void console() throws InterruptedException {
    if (!Files.isRegularFile(jar(CONSOLE))) {
      console.say(
          CONSOLE
              + ": "
              + jar(CONSOLE)
              + " is missing, so no web page (mvn -pl console -am package)");
      return;
    }
    int port = WebConsole.port(settings.consolePort(), WebConsole::isFree);
    List<String> options =
        List.of(
            "--mqtt",
            settings.mqtt(),
            "--http-port",
            Integer.toString(port),
            "--http-addr",
            "127.0.0.1");
    ServiceProcess web = java(CONSOLE, CONSOLE, options, null);
    new HealthEndpoint(port).await(web, limit);
    console.say(
        CONSOLE + ": http://127.0.0.1:" + port + " (open it in a browser), pid " + web.pid());
  }

  private Path jar(String module) {
    return settings.root().resolve(module + "/target/" + module + ".jar");
  }

  private ServiceProcess java(String name, String module, List<String> args, String level) {
    ProcessBuilder builder;
    try {
      builder = new ProcessBuilder(JavaService.command(jar(module), settings.jvmFlags(), args));
    } catch (IllegalStateException e) {
      throw new RunFailure(e.getMessage(), e);
    }
    Map<String, String> environment = builder.environment();
    JavaService.ENVIRONMENT.forEach(environment::putIfAbsent);
    if (level != null) {
      environment.put("LOG_LEVEL", level);
    }
    return started.start(name, builder);
  }

  private static String address(ServiceProcess algo) {
    Matcher serving = SERVING.matcher(algo.output());
    if (!serving.find()) {
      throw new RunFailure(ALGO + " printed no address; its log: " + algo.log());
    }
    return serving.group(1);
  }
}
