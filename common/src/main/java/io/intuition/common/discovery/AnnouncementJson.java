package io.intuition.common.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intuition.common.log.Excerpt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Announcements as JSON. A birth is {@code {"name","kind","version","rpc","algo","sizer",
 * "channels","started","seq","http"}} with what applies; a death is {@code {"name","kind",
 * "state":"offline","seq"}}. A message without {@code state} is a birth.
 */
public final class AnnouncementJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXCERPT_CHARS = 120;

  private AnnouncementJson() {}

  /** The JSON of {@code announcement}, without the fields it has no value for. */
  public static byte[] write(Announcement announcement) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", announcement.name());
    node.put("kind", announcement.kind());
    if (!announcement.isOnline()) {
      node.put("state", announcement.state());
    }
    putIfSet(node, "version", announcement.version());
    putIfSet(node, "rpc", announcement.rpc());
    putIfSet(node, "algo", announcement.algo());
    putIfSet(node, "sizer", announcement.sizer());
    if (!announcement.channels().isEmpty()) {
      announcement.channels().forEach(node.putArray("channels")::add);
    }
    putIfSet(node, "started", announcement.started());
    node.put("seq", announcement.seq());
    putIfSet(node, "http", announcement.http());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an announcement", e);
    }
  }

  /**
   * Reads an announcement.
   *
   * @throws IllegalArgumentException naming what is wrong when the payload is not JSON, not an
   *     object, lacks name, kind or a whole seq, or has fields of the wrong type
   */
  public static Announcement read(byte[] payload) {
    JsonNode node;
    try {
      node = JSON.readTree(payload);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + Excerpt.of(payload, EXCERPT_CHARS));
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          "not a JSON object: " + Excerpt.of(payload, EXCERPT_CHARS));
    }
    JsonNode seq = node.get("seq");
    if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber()) {
      throw new IllegalArgumentException("seq must be a whole number, in " + excerpt(payload));
    }
    return new Announcement(
        text(node, "name", payload),
        text(node, "kind", payload),
        node.has("state") ? text(node, "state", payload) : Announcement.ONLINE,
        text(node, "version", payload),
        text(node, "rpc", payload),
        text(node, "algo", payload),
        text(node, "sizer", payload),
        channels(node, payload),
        text(node, "started", payload),
        seq.longValue(),
        text(node, "http", payload));
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String text(JsonNode node, String field, byte[] payload) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string, in " + excerpt(payload));
    }
    return value.textValue();
  }

  private static List<String> channels(JsonNode node, byte[] payload) {
    JsonNode value = node.get("channels");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("channels must be a list, in " + excerpt(payload));
    }
    List<String> channels = new ArrayList<>(value.size());
    for (JsonNode channel : value) {
      if (!channel.isTextual()) {
        throw new IllegalArgumentException("channels must hold strings, in " + excerpt(payload));
      }
      channels.add(channel.textValue());
    }
    return channels;
  }

  private static String excerpt(byte[] payload) {
    return Excerpt.of(payload, EXCERPT_CHARS);
  }
}
