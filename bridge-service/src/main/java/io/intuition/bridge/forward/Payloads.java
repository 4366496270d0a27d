package io.intuition.bridge.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

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
    int length = Math.min(payload.length, EXCERPT_CHARS * 4);
    String text = new String(payload, 0, length, StandardCharsets.UTF_8);
    return text.length() <= EXCERPT_CHARS && length == payload.length
        ? text
        : text.substring(0, Math.min(text.length(), EXCERPT_CHARS)) + "...";
  }
}
