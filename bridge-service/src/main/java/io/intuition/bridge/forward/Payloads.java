package io.intuition.bridge.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads message payloads as JSON objects and writes orders and rejections as JSON. */
final class Payloads {
  private static final int EXCERPT_CHARS = 80;
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final int maxBytes;

  Payloads(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The JSON object in a payload.
   *
   * @throws Rejected naming why the payload is not one
   */
  Map<?, ?> read(byte[] payload) {
    if (payload.length == 0) {
      throw new Rejected("empty payload");
    }
    if (payload.length > maxBytes) {
      throw new Rejected(
          "payload of " + payload.length + " bytes is over the limit of " + maxBytes + " bytes");
    }
    Object value;
    try {
      value = json.readValue(payload, Object.class);
    } catch (IOException e) {
      throw new Rejected("not JSON: " + firstLine(e));
    }
    if (value instanceof Map<?, ?> object) {
      return object;
    }
    throw new Rejected("JSON must be an object, but was " + kind(value));
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
    String text = new String(payload, StandardCharsets.UTF_8);
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "...";
  }

  private static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }

  private static String firstLine(IOException e) {
    String message = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : "";
    String line = message == null ? e.toString() : message.lines().findFirst().orElse("");
    return line.length() <= EXCERPT_CHARS ? line : line.substring(0, EXCERPT_CHARS) + "...";
  }

  /** A payload that cannot be forwarded; the message says why. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }
}
