package io.intuition.system;

import io.intuition.algo.server.AlgoMain;
import io.intuition.bridge.app.BridgeMain;
import io.intuition.common.cli.MqttOptions;
import io.intuition.console.app.ConsoleMain;
import io.intuition.feed.app.FeedMain;
import io.intuition.indicator.app.IndicatorMain;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command line of each service that compose builds, and the environment it reads. */
enum ServiceCli {
  ALGO("algo", "algo-service", AlgoMain::new),
  BRIDGE("bridge", "bridge-service", BridgeMain::new),
  FEED("feed", "feed-service", FeedMain::new),
  INDICATORS("indicators", "indicator-service", IndicatorMain::new),
  CONSOLE("console", "console", ConsoleMain::new);

  // ${env:NAME} or ${env:NAME:-fallback} in an option's default value
  private static final Pattern ENV_DEFAULT =
      Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?}");

  private final String service;
  private final String module;
  private final Supplier<Object> app;

  ServiceCli(String service, String module, Supplier<Object> app) {
    this.service = service;
    this.module = module;
    this.app = app;
  }

  /** The command line of the compose service {@code service}; fails the test for an unknown one. */
  static ServiceCli of(String service) {
    return find(service)
        .orElseThrow(() -> new AssertionError("no command line is known for service " + service));
  }

  /** The command line of the compose service {@code service}, if it is one of ours. */
  static Optional<ServiceCli> find(String service) {
    return Arrays.stream(values()).filter(cli -> cli.service.equals(service)).findFirst();
  }

  String service() {
    return service;
  }

  /** The Maven module that packages the service. */
  String module() {
    return module;
  }

  /** A fresh command line of the service, its variables in default values interpolated. */
  CommandLine commandLine() {
    return new CommandLine(app.get());
  }

  /** The options by the environment variable their default value reads. */
  Map<String, OptionSpec> optionsByEnv() {
    Map<String, OptionSpec> options = new LinkedHashMap<>();
    for (OptionSpec option : rawSpec().options()) {
      envDefault(option).ifPresent(m -> options.put(m.group(1), option));
    }
    return options;
  }

  /** Every environment variable the service reads: its options' and the MQTT password's. */
  Set<String> variables() {
    Set<String> variables = new LinkedHashSet<>(optionsByEnv().keySet());
    passwordVariable().ifPresent(variables::add);
    return variables;
  }

  /**
   * The variable the MQTT password is read from, which no option reads: a password on the command
   * line would show in ps. Empty for a service without MQTT.
   */
  Optional<String> passwordVariable() {
    return rawSpec().mixins().values().stream()
        .map(CommandSpec::userObject)
        .filter(MqttOptions.class::isInstance)
        .map(mixin -> ((MqttOptions) mixin).passwordVariable())
        .findFirst();
  }

  /** The variable the option {@code longName} reads; fails the test when it reads none. */
  String env(String longName) {
    return envDefault(option(longName))
        .map(m -> m.group(1))
        .orElseThrow(() -> new AssertionError(longName + " of " + service + " reads no variable"));
  }

  /**
   * The value of the option {@code longName} when the service's {@code environment} sets it, else
   * its default when its variable is unset.
   */
  Optional<String> value(String longName, ComposeService environment) {
    Optional<String> set = environment.resolvedEnvironment(env(longName));
    return set.isPresent() ? set : envDefault(option(longName)).map(m -> m.group(2));
  }

  private OptionSpec option(String longName) {
    OptionSpec option = rawSpec().findOption(longName);
    if (option == null) {
      throw new AssertionError(service + " has no option " + longName);
    }
    return option;
  }

  // without interpolation, an option's default value is what its annotation says: ${env:...}
  private CommandSpec rawSpec() {
    return new CommandLine(app.get()).setInterpolateVariables(false).getCommandSpec();
  }

  // the annotation's default value, or what the MQTT options' default value provider gives
  private static Optional<Matcher> envDefault(OptionSpec option) {
    String value = option.defaultValueString();
    if (value == null) {
      return Optional.empty();
    }
    Matcher matcher = ENV_DEFAULT.matcher(value);
    return matcher.matches() ? Optional.of(matcher) : Optional.empty();
  }
}
