package io.intuition.common.codec;

import java.util.List;
import java.util.Objects;

/**
 * One zerorpc event: {@code [header, name, args]} on the wire.
 *
 * @param id this event's {@code message_id}
 * @param responseTo the id of the request that opened the call, or {@code null} for a request
 * @param name the method for a request, else {@code OK}, {@code ERR}, {@code _zpc_hb}, ...
 * @param args positional arguments for a request, {@code [result]} for {@code OK}, {@code [name,
 *     message, detail]} for {@code ERR}; any msgpack value
 */
public record Event(MessageId id, MessageId responseTo, String name, Object args) {
  private static final List<Object> HEARTBEAT_ARGS = List.of(0);

  /** Checks the fields every event needs. */
  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** A request opening a call to {@code method}. */
  public static Event request(MessageId id, String method, List<?> args) {
    return new Event(id, null, method, args);
  }

  /** A successful reply to {@code request}. */
  public static Event ok(MessageId id, MessageId request, Object result) {
    return new Event(id, request, Protocol.OK, singletonList(result));
  }

  /** An error reply to {@code request}: {@code [name, message, detail]}. */
  public static Event err(
      MessageId id, MessageId request, String name, String message, String detail) {
    return new Event(id, request, Protocol.ERR, List.of(name, nonNull(message), nonNull(detail)));
  }

  /** A heartbeat on the call opened by {@code request}. */
  public static Event heartbeat(MessageId id, MessageId request) {
    return new Event(id, request, Protocol.HEARTBEAT, HEARTBEAT_ARGS);
  }

  /** Whether this event opens a call. */
  public boolean isRequest() {
    return responseTo == null;
  }

  /** The args as a list: a list stays as is, nil is empty, anything else is one argument. */
  public List<?> argList() {
    if (args instanceof List<?> list) {
      return list;
    }
    return args == null ? List.of() : singletonList(args);
  }

  private static List<Object> singletonList(Object value) {
    return java.util.Collections.singletonList(value);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
