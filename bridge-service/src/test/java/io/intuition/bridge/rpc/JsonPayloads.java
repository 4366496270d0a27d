package io.intuition.bridge.rpc;

import io.intuition.bridge.rpc.JsonText.Literal;
import io.intuition.bridge.rpc.JsonText.Member;
import io.intuition.bridge.rpc.JsonText.Num;
import io.intuition.bridge.rpc.JsonText.Obj;
import io.intuition.common.codec.ByteMutations;
import io.intuition.common.codec.Sample;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitraries of MQTT message payloads for the bridge: quotes as feeds send them, any JSON (nested,
 * deep, with numbers spelled every way, keys repeated, unicode and control characters), the same
 * mutated into invalid UTF-8 or truncated JSON, and random bytes.
 */
public final class JsonPayloads {
  private static final List<String> SYMBOLS = List.of("GOOG", "AAPL", "MSFT", "BRK.B", "日経", "");

  /** Numbers at the edges of what JSON, a long, a double and msgpack can hold, valid or not. */
  private static final List<String> EDGE_NUMBERS =
      List.of(
          "0",
          "-0",
          "0.0",
          "-0.0",
          "1e400",
          "-1e400",
          "1E-400",
          "4.9e-324",
          "1e-7",
          "01",
          "1.",
          ".5",
          "+1",
          "-",
          "1e",
          "NaN",
          "Infinity",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "-9223372036854775809",
          "18446744073709551615",
          "18446744073709551616",
          "123456789.123456789e-30");

  /** Strings no generator of random characters is likely to make, halves of surrogate pairs too. */
  private static final List<String> EDGE_STRINGS =
      List.of(
          "😀",
          "\uD83D\uDE00\uD83D",
          "\uD800",
          "a\uDFFFb",
          "\uDC00\uD800",
          "ß",
          "\u0000",
          "\u001f",
          "\u2028",
          "\uFEFF",
          "\\",
          "\"");

  /** Bytes that break UTF-8 or JSON when inserted. */
  private static final List<byte[]> BREAKERS =
      List.of(
          hex("ff"),
          hex("c080"),
          hex("eda080"),
          hex("80"),
          hex("f4908080"),
          hex("e282"),
          hex("efbbbf"),
          hex("00"),
          hex("1f"),
          bytes("{"),
          bytes("}"),
          bytes("["),
          bytes("\""),
          bytes(":"),
          bytes(","),
          bytes("\\u"),
          bytes("\\"));

  private JsonPayloads() {}

  /**
   * Quotes: {@code {"sid":..,"quote":..}}, {@code {"symbol":..,"price":..}}, {@code {"GOOG":3.45}}.
   */
  public static Arbitrary<byte[]> quotes() {
    Arbitrary<String> symbols = Arbitraries.of(SYMBOLS);
    Arbitrary<Obj> sidQuote =
        Combinators.combine(symbols, numbers())
            .as((sid, quote) -> obj(new Member("sid", sid), new Member("quote", quote)));
    Arbitrary<Obj> symbolPrice =
        Combinators.combine(symbols, numbers())
            .as((sid, price) -> obj(new Member("symbol", sid), new Member("price", price)));
    Arbitrary<Obj> compact =
        Combinators.combine(symbols, numbers())
            .as(Member::new)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(Obj::new);
    return text(Arbitraries.oneOf(sidQuote, symbolPrice, compact));
  }

  /** Any JSON, mostly objects, some nesting deeper than the bridge allows. */
  public static Arbitrary<byte[]> anyJson() {
    Arbitrary<Object> values = Arbitraries.recursive(JsonPayloads::scalars, JsonPayloads::nest, 4);
    Arbitrary<Object> deep =
        Combinators.combine(Arbitraries.integers().between(1, 40), scalars())
            .as(JsonPayloads::deep);
    return text(
        Arbitraries.frequencyOf(
            Tuple.of(4, members(values)), Tuple.of(1, values), Tuple.of(1, deep)));
  }

  /** Quotes and JSON mutated: cut, bits flipped, bytes breaking UTF-8 or JSON inserted, deleted. */
  public static Arbitrary<byte[]> mutated() {
    return ByteMutations.mutated(
        Arbitraries.oneOf(quotes(), anyJson()), Arbitraries.of(BREAKERS), List.of());
  }

  /** Random bytes, and random strings of the characters JSON is made of. */
  public static Arbitrary<byte[]> randomBytes() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        Arbitraries.strings()
            .withChars("{}[]\":,0123456789.eE-+ truefalsnl\\u")
            .ofMaxLength(60)
            .map(JsonPayloads::bytes));
  }

  /** Every kind above, named, random bytes half as often as each of the others. */
  public static Arbitrary<Sample> any() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Sample.of("quote", quotes())),
        Tuple.of(2, Sample.of("json", anyJson())),
        Tuple.of(2, Sample.of("mutated", mutated())),
        Tuple.of(1, Sample.of("random", randomBytes())));
  }

  private static Arbitrary<byte[]> text(Arbitrary<?> models) {
    return Combinators.combine(models, Arbitraries.longs())
        .as((model, seed) -> bytes(JsonText.write(model, seed)));
  }

  private static Arbitrary<Object> scalars() {
    return Arbitraries.<Object>oneOf(List.of(strings(), numbers(), Arbitraries.of(Literal.class)));
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(10),
        Arbitraries.strings().all().ofMaxLength(6),
        Arbitraries.of(EDGE_STRINGS));
  }

  private static Arbitrary<Num> numbers() {
    Arbitrary<String> spelled =
        Arbitraries.oneOf(
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.bigIntegers()
                .between(BigInteger.TWO.pow(60).negate(), BigInteger.TWO.pow(70))
                .map(String::valueOf),
            Combinators.combine(Arbitraries.integers().between(1, 1_100), Arbitraries.of("0", "7"))
                .as((length, digit) -> "1" + digit.repeat(length)),
            Arbitraries.of(EDGE_NUMBERS));
    return spelled.map(Num::new);
  }

  private static Arbitrary<Object> nest(Arbitrary<Object> inner) {
    return Arbitraries.oneOf(inner.list().ofMaxSize(4).map(list -> list), members(inner));
  }

  /** Objects whose keys repeat now and then: few keys, drawn again and again. */
  private static Arbitrary<Object> members(Arbitrary<Object> values) {
    Arbitrary<String> keys =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.of("sid", "quote", "price", "a")), Tuple.of(3, strings()));
    return Combinators.combine(keys, values)
        .as(Member::new)
        .list()
        .ofMaxSize(5)
        .map(members -> new Obj(members));
  }

  /** An object holding {@code depth} arrays and objects, one in the other, around {@code leaf}. */
  private static Object deep(int depth, Object leaf) {
    Object value = leaf;
    for (int i = 0; i < depth; i++) {
      value = i % 3 == 0 ? obj(new Member("d", value)) : List.of(value);
    }
    return obj(new Member("deep", value));
  }

  private static Obj obj(Member... members) {
    return new Obj(new ArrayList<>(List.of(members)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
