package io.intuition.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * One server-sent event: its name and one line of data (JSON).
 *
 * @param name the event's name, as {@code event:} says it
 * @param data one line of JSON
 */
public record SseEvent(String name, String data) {
  /** The comment sent to an idle stream, so proxies and the page see it is alive. */
  static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the name is blank or holds a line break, or the data holds
   *     a line break
   */
  public SseEvent {
    if (name == null || name.isBlank() || breaks(name)) {
      throw new IllegalArgumentException("event name must be one word, but was " + name);
    }
    if (data == null || breaks(data)) {
      throw new IllegalArgumentException("event data must be one line");
    }
  }

  /**
   * The event {@code name} carrying {@code payload} as JSON: records, maps, lists, strings,
   * numbers, booleans and nulls.
   *
   * @throws IllegalArgumentException if the payload cannot be written as JSON
   */
  public static SseEvent json(String name, Object payload) {
    return new SseEvent(name, toJson(payload));
  }

  /**
   * {@code payload} as one line of JSON.
   *
   * @throws IllegalArgumentException if it cannot be written as JSON
   */
  public static String toJson(Object payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** About how many bytes the event takes on the stream, to bound what waits for a page. */
  public long size() {
    return name.length() + data.length() + 16L;
  }

  /** The event as the stream carries it: {@code event: NAME\ndata: DATA\n\n}, UTF-8. */
  public byte[] frame() {
    return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  private static boolean breaks(String text) {
    return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
  }
}
