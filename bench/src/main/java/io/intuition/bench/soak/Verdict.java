package io.intuition.bench.soak;

/** Whether a metric stayed flat over a soak; {@link #passes()} for every verdict but growing. */
public enum Verdict {
  FLAT("flat"),
  GROWING("growing"),
  FALLING("falling"),
  TOO_FEW("too few samples");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** Whether the metric stayed flat or fell: no leak. Too few samples cannot tell, so fail. */
  public boolean passes() {
    return this == FLAT || this == FALLING;
  }

  @Override
  public String toString() {
    return label;
  }
}
