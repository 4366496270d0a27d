package io.intuition.indicator.compute;

import io.intuition.common.log.Excerpt;

/** Which symbols can name a topic level. */
final class Topics {
  private Topics() {}

  /**
   * Why {@code sid} cannot be one level of a topic name, or null when it can: it must not be empty
   * nor contain {@code /}, {@code +}, {@code #} or the null character.
   */
  static String segmentProblem(String sid) {
    if (sid.isEmpty()
        || sid.indexOf('/') >= 0
        || sid.indexOf('+') >= 0
        || sid.indexOf('#') >= 0
        || sid.indexOf('\0') >= 0) {
      return "sid \""
          + Excerpt.of(sid)
          + "\" cannot be a topic level: it must not be empty nor contain /, + or #";
    }
    return null;
  }
}
