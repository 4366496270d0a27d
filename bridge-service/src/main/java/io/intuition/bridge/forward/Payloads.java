package io.intuition.bridge.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.log.Excerpt;

/**
 * Checks message payloads before they go to the algorithm, and writes rejections as JSON. Reading
 * the JSON is the algorithm adapter's part, as it turns a payload into a call.
 */
final class Payloads {
  private static final int EXCERPT_CHARS = 80;
  private final ObjectMapper json = new ObjectMapper();
  private final int maxBytes;

  Payloads(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Why the payload cannot be forwarded, or null when it may be. */
  String check(byte[] payload) {
    if (payload.length == 0) {
      return "empty payload";
    }
    if (payload.length > maxBytes) {
      return "payload of " + payload.length + " bytes is over the limit of " + maxBytes + " bytes";
    }
    return null;
  }

  /** The JSON bytes of a value made of maps, lists, strings, numbers and booleans. */
  byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
    }
  }

  /** The start of a payload as text, for logs and rejections. */
  static String excerpt(byte[] payload) {
    return Excerpt.of(payload, EXCERPT_CHARS);
  }
}
