package io.intuition.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.jackson.dataformat.MessagePackFactory;

class EventCodecTest {
  private static final MessageId REQUEST = bin("00000001cafebabecafebabecafebabe");
  private static final MessageId REPLY = bin("00000002deadbeefdeadbeefdeadbeef");

  private final EventCodec codec = new EventCodec();

  static Stream<Vectors.Vector> vectors() {
    return Vectors.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decode_capturedVector_givesTheStructureThePeerDecoded(Vectors.Vector vector)
      throws Exception {
    Event event = codec.decode(vector.payload());

    assertThat(event.id()).isNotNull();
    if (vector.decoded() != null) {
      Object raw =
          new ObjectMapper(new MessagePackFactory()).readValue(vector.payload(), Object.class);
      assertThat(PythonRepr.of(raw)).isEqualTo(vector.decoded());
    }
  }

  @Test
  void vectors_holdEveryCapturedEvent() {
    assertThat(Vectors.all()).hasSizeGreaterThan(30);
    assertThat(Vectors.all().stream().filter(v -> v.decoded() != null)).hasSizeGreaterThan(20);
  }

  @Test
  void encode_eventRequest_equalsPythonBytes() {
    Map<String, Object> quote = new LinkedHashMap<>();
    quote.put("sid", "GOOG");
    quote.put("quote", 345.0);

    byte[] bytes = codec.encode(Event.request(REQUEST, "event", List.of(quote)));

    assertThat(hex(bytes)).isEqualTo(hex(Vectors.titled("request  event(")));
  }

  @Test
  void encode_initializeRequest_equalsPythonBytes() {
    byte[] bytes = codec.encode(Event.request(REQUEST, "initialize", List.of(Map.of())));

    assertThat(hex(bytes)).isEqualTo(hex(Vectors.titled("request  initialize(")));
  }

  @Test
  void encode_okNumber_equalsPythonBytes() {
    assertThat(hex(codec.encode(Event.ok(REPLY, REQUEST, 690.0))))
        .isEqualTo(hex(Vectors.titled("reply    OK 690.0")));
  }

  @Test
  void encode_okList_equalsPythonBytes() {
    assertThat(hex(codec.encode(Event.ok(REPLY, REQUEST, List.of("quotes")))))
        .isEqualTo(hex(Vectors.titled("reply    OK ['quotes']")));
  }

  @Test
  void encode_err_equalsPythonBytes() {
    Event err = Event.err(REPLY, REQUEST, "ValueError", "boom!", "Traceback...\n");

    assertThat(hex(codec.encode(err))).isEqualTo(hex(Vectors.titled("reply    ERR")));
  }

  @Test
  void encode_heartbeat_equalsPythonBytes() {
    assertThat(hex(codec.encode(Event.heartbeat(REPLY, REQUEST))))
        .isEqualTo(hex(Vectors.titled("heartbeat _zpc_hb")));
  }

  @Test
  void decode_binMessageId_echoesBinResponseTo() {
    Event request = codec.decode(Vectors.titled("request  event("));

    Event reply = codec.decode(codec.encode(Event.ok(REPLY, request.id(), 1)));

    assertThat(reply.responseTo().isBinary()).isTrue();
    assertThat(reply.responseTo()).isEqualTo(REQUEST);
  }

  @Test
  void decode_strMessageId_echoesStrResponseTo() {
    byte[] nodeRequest = Vectors.titled("  node client request");
    Event request = codec.decode(nodeRequest);

    byte[] reply = codec.encode(Event.ok(REPLY, request.id(), 690));

    assertThat(request.id().isBinary()).isFalse();
    assertThat(request.id().toString()).isEqualTo("ab19c4d6-7a96-4d02-b078-000000000000");
    assertThat(hex(reply)).contains("ab 72 65 73 70 6f 6e 73 65 5f 74 6f d9 24");
  }

  @Test
  void decode_nodeIntegralQuote_givesAnInteger() {
    Event request = codec.decode(Vectors.titled("  node client request"));

    assertThat(request.argList()).isEqualTo(List.of(Map.of("sid", "GOOG", "quote", 345)));
  }

  @Test
  void decode_garbage_namesTheProblem() {
    assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xc1}))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("not valid msgpack");
    assertThatThrownBy(() -> codec.decode(msgpack(List.of(1, 2))))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("array of [header, name, args]");
    assertThatThrownBy(() -> codec.decode(msgpack(List.of(Map.of("v", 3), "x", List.of()))))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("no message_id");
    assertThatThrownBy(() -> codec.decode(msgpack(List.of("header", "x", List.of()))))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("header must be a map");
  }

  @Test
  void decode_argsWithADuplicateKey_isMalformedAndNamesTheRequest() {
    byte[] duplicate = {(byte) 0x82, (byte) 0xa1, 'k', 0x01, (byte) 0xa1, 'k', 0x02};
    byte[] head = msgpack(Map.of("message_id", "id-1", "v", 3));
    byte[] payload = new byte[1 + head.length + 2 + 1 + duplicate.length];
    payload[0] = (byte) 0x93; // [header, "e", [{"k": 1, "k": 2}]]
    System.arraycopy(head, 0, payload, 1, head.length);
    payload[1 + head.length] = (byte) 0xa1;
    payload[2 + head.length] = 'e';
    payload[3 + head.length] = (byte) 0x91;
    System.arraycopy(duplicate, 0, payload, 4 + head.length, duplicate.length);

    assertThatThrownBy(() -> codec.decode(payload))
        .isInstanceOfSatisfying(
            MalformedEventException.class, e -> assertThat(e.request()).hasToString("id-1"))
        .hasMessage("the args of e: a map has the key \"k\" twice");
  }

  @Test
  void decode_binEventName_isReadAsText() {
    Map<String, Object> header = Map.of("message_id", "id-1", "v", 3);
    byte[] payload = msgpack(List.of(header, "ping".getBytes(StandardCharsets.UTF_8), List.of()));

    assertThat(codec.decode(payload).name()).isEqualTo("ping");
  }

  @Test
  void messageIds_followThePythonFormat() {
    MessageIds ids = new MessageIds("cafebabecafebabecafebabe");

    assertThat(ids.next()).isEqualTo(REQUEST);
    assertThat(ids.next().toString()).isEqualTo("00000002cafebabecafebabecafebabe");
  }

  private static byte[] msgpack(Object value) {
    try {
      return new ObjectMapper(new MessagePackFactory()).writeValueAsBytes(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static MessageId bin(String id) {
    return MessageId.binary(id.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
