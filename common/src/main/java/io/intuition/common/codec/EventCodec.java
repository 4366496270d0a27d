package io.intuition.common.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * Encodes and decodes zerorpc events as msgpack through Jackson. Thread-safe: one instance can
 * serve every thread.
 *
 * <p>Decoding accepts text as str or bin and numbers as int or float, as the real peers send them.
 * Encoding always writes {@code v: 3} and writes ids with the msgpack type they arrived as.
 */
public final class EventCodec {
  private static final String MESSAGE_ID = "message_id";
  private static final String VERSION = "v";
  private static final String RESPONSE_TO = "response_to";

  private final ObjectWriter writer;
  private final ObjectReader reader;

  /** A codec with its own msgpack mapper. */
  public EventCodec() {
    ObjectMapper mapper = new ObjectMapper(new MessagePackFactory());
    this.writer = mapper.writerFor(Object.class);
    this.reader = mapper.readerFor(Object.class);
  }

  /**
   * The msgpack bytes of an event.
   *
   * @throws IllegalArgumentException if a value cannot be written as msgpack
   */
  public byte[] encode(Event event) {
    Map<String, Object> header = new LinkedHashMap<>(4);
    header.put(MESSAGE_ID, event.id().toWire());
    header.put(VERSION, Protocol.VERSION);
    if (event.responseTo() != null) {
      header.put(RESPONSE_TO, event.responseTo().toWire());
    }
    try {
      return writer.writeValueAsBytes(Arrays.asList(header, event.name(), event.args()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot encode " + event.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The event in msgpack bytes.
   *
   * @throws MalformedEventException if the bytes are not msgpack or not {@code [header, name,
   *     args]} with a {@code message_id}
   */
  public Event decode(byte[] payload) {
    List<?> parts = parts(payload);
    if (!(parts.get(0) instanceof Map<?, ?> header)) {
      throw new MalformedEventException(
          "event header must be a map, but was " + Values.describe(parts.get(0)));
    }
    String name = Values.text(parts.get(1));
    if (name == null) {
      throw new MalformedEventException(
          "event name must be str or bin, but was " + Values.describe(parts.get(1)));
    }
    Object id = header.get(MESSAGE_ID);
    if (id == null) {
      throw new MalformedEventException(
          "event header has no message_id: " + Values.describe(header));
    }
    Object responseTo = header.get(RESPONSE_TO);
    return new Event(
        MessageId.fromWire(id, MESSAGE_ID),
        responseTo == null ? null : MessageId.fromWire(responseTo, RESPONSE_TO),
        name,
        parts.get(2));
  }

  private List<?> parts(byte[] payload) {
    Object value;
    try {
      value = reader.readValue(payload);
    } catch (IOException e) {
      throw new MalformedEventException("event is not valid msgpack: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MalformedEventException("event is not valid msgpack: " + e, e);
    }
    if (value instanceof List<?> list && list.size() >= 3) {
      return list;
    }
    throw new MalformedEventException(
        "event must be an array of [header, name, args], but was " + Values.describe(value));
  }
}
