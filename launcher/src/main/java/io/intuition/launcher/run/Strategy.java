package io.intuition.launcher.run;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The strategies a run can show, each with its sizer and the params the bridge sends it. */
public enum Strategy {
  /** Trades both ways on short windows, so that a few seconds of quotes make buys and sells. */
  SMA_CROSS(
      "sma-cross",
      List.of("--algo", "sma-cross", "--sizer", "fixed-fraction"),
      List.of("--param", "short=3", "--param", "long=8", "--param", "fraction=0.2")),
  /** The original: buys at random. */
  RANDOM(
      "random",
      List.of("--algo", "random", "--sizer", "random-fraction"),
      List.of("--param", "threshold=0.5"));

  private final String label;
  private final List<String> algoOptions;
  private final List<String> bridgeParams;

  Strategy(String label, List<String> algoOptions, List<String> bridgeParams) {
    this.label = label;
    this.algoOptions = algoOptions;
    this.bridgeParams = bridgeParams;
  }

  /** The strategy called {@code label}, such as {@code sma-cross}. */
  public static Optional<Strategy> of(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }

  List<String> algoOptions() {
    return algoOptions;
  }

  List<String> bridgeParams() {
    return bridgeParams;
  }

  @Override
  public String toString() {
    return label;
  }
}
