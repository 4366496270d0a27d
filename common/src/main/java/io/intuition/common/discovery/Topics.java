package io.intuition.common.discovery;

/** The topics of announcements: one retained topic per service, under {@link #ROOT}. */
public final class Topics {
  /** The first level of every announcement's topic. */
  public static final String ROOT = "services";

  /** Every announcement of every kind. */
  public static final String ALL = ROOT + "/#";

  private Topics() {}

  /** The topic of the service {@code name} of kind {@code kind}. */
  public static String of(String kind, String name) {
    return ROOT + "/" + kind + "/" + name;
  }

  /**
   * Checks that {@code value} can be one topic level.
   *
   * @throws IllegalArgumentException naming {@code field} when the value is null, empty, or holds
   *     {@code /}, {@code +}, {@code #} or a control character
   */
  public static void requireLevel(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '+' || c == '#' || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            field + " must not hold '/', '+', '#' or control characters, but was " + value);
      }
    }
  }
}
