package io.intuition.bridge.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.intuition.common.log.Excerpt;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Turns a JSON object straight into the msgpack arguments of a call, {@code [object]}, in one pass
 * of Jackson's streaming parser: no maps or lists in between.
 *
 * <p>msgpack writes the size of a map or an array before its elements, and JSON tells it only at
 * the end, so each container is written behind a header of the largest size and moved up to its
 * smallest once closed: the bytes are the ones a msgpack mapper writes for the same values.
 * Integers become msgpack integers, other numbers doubles, as a JSON parser reading into objects
 * makes them.
 */
final class JsonToMsgpack {
  // a second "sid" or "quote" would make another quote of the message for whoever reads it
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final String DUPLICATE = "Duplicate field '";

  /** Deeper JSON is refused here rather than by the algorithm's msgpack reader. */
  private static final int MAX_DEPTH = 32;

  private static final int EXCERPT_CHARS = 80;
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private JsonToMsgpack() {}

  /** A JSON payload that cannot become a call; the message says why. */
  static final class InvalidJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidJsonException(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The msgpack of {@code [object]} for the JSON object in {@code json}.
   *
   * @throws InvalidJsonException if it is not JSON, not an object, nests deeper than 32 levels, or
   *     holds an integer beyond 64 bits or half of a surrogate pair
   */
  static byte[] args(byte[] json) throws InvalidJsonException {
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidJsonException("not JSON: no value, only white space");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidJsonException("JSON must be an object, but was " + kind(first));
      }
      MsgpackBuffer out = new MsgpackBuffer(json.length + 16);
      out.arrayOfOne();
      object(parser, out);
      JsonToken next = parser.nextToken();
      if (next != null) {
        throw new InvalidJsonException("not JSON: " + kind(next) + " after the object");
      }
      return out.toByteArray();
    } catch (JsonParseException | StreamConstraintsException e) {
      throw new InvalidJsonException(reason(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidJsonException("not JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String reason(String parserMessage) {
    String line = firstLine(parserMessage);
    if (line.startsWith(DUPLICATE) && line.endsWith("'")) {
      String key = line.substring(DUPLICATE.length(), line.length() - 1);
      return "JSON has the key \"" + excerpt(key) + "\" twice";
    }
    return "not JSON: " + line;
  }

  /** Writes the object whose START_OBJECT the parser is on, up to its END_OBJECT. */
  private static void object(JsonParser parser, MsgpackBuffer out)
      throws IOException, InvalidJsonException {
    int[] counts = new int[MAX_DEPTH];
    int depth = 0;
    out.open();
    for (JsonToken token = parser.nextToken(); ; token = parser.nextToken()) {
      if (token == null) {
        throw new InvalidJsonException("not JSON: the object is not closed");
      }
      if (token.isStructEnd()) {
        out.close(counts[depth], token == JsonToken.END_OBJECT);
        if (depth-- == 0) {
          return;
        }
        continue;
      }
      if (token == JsonToken.FIELD_NAME) {
        text(parser, out);
        continue;
      }
      counts[depth]++;
      if (token.isStructStart()) {
        if (++depth == MAX_DEPTH) {
          throw new InvalidJsonException("JSON nests deeper than " + MAX_DEPTH + " levels");
        }
        counts[depth] = 0;
        out.open();
      } else {
        scalar(parser, token, out);
      }
    }
  }

  private static void scalar(JsonParser parser, JsonToken token, MsgpackBuffer out)
      throws IOException, InvalidJsonException {
    switch (token) {
      case VALUE_STRING -> text(parser, out);
      case VALUE_NUMBER_INT -> integer(parser, out);
      case VALUE_NUMBER_FLOAT -> out.float64(parser.getDoubleValue());
      case VALUE_TRUE -> out.raw(0xc3);
      case VALUE_FALSE -> out.raw(0xc2);
      case VALUE_NULL -> out.raw(0xc0);
      default -> throw new InvalidJsonException("not JSON: unexpected " + token);
    }
  }

  /**
   * Writes the text the parser is on. JSON may escape half of a surrogate pair ({@code "\\ud83d"})
   * where UTF-8, and so msgpack's str, cannot carry it: encoding would put a {@code ?} in its place
   * and forward another message than the one received.
   */
  private static void text(JsonParser parser, MsgpackBuffer out)
      throws IOException, InvalidJsonException {
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int end = offset + parser.getTextLength();
    for (int i = offset; i < end; i++) {
      if (Character.isHighSurrogate(chars[i])
          && i + 1 < end
          && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (Character.isSurrogate(chars[i])) {
        throw new InvalidJsonException(
            String.format(
                "cannot forward it: a string holds \\u%04x, half of a surrogate pair, which UTF-8"
                    + " cannot carry",
                (int) chars[i]));
      }
    }
    out.string(chars, offset, end - offset);
  }

  private static void integer(JsonParser parser, MsgpackBuffer out)
      throws IOException, InvalidJsonException {
    if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      out.integer(parser.getLongValue());
      return;
    }
    BigInteger value = parser.getBigIntegerValue();
    if (value.signum() < 0 || value.compareTo(UINT64_MAX) > 0) {
      throw new InvalidJsonException(
          "cannot forward it: the integer " + excerpt(value.toString()) + " is beyond 64 bits");
    }
    out.uint64(value.longValue());
  }

  private static String kind(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      default -> "an object";
    };
  }

  private static String firstLine(String message) {
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    return excerpt(line);
  }

  private static String excerpt(String text) {
    return Excerpt.of(text, EXCERPT_CHARS);
  }
}
