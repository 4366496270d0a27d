package io.intuition.bridge.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.intuition.common.codec.Msgpack;
import io.intuition.common.codec.Sample;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * Fuzzes the bridge's payload conversion: for any payload, {@link JsonToMsgpack#args} either gives
 * msgpack that the algorithm's reader decodes to exactly the value a JSON reader finds in the
 * payload, as the one argument of the call, or refuses it with a reason; it throws nothing else.
 */
class JsonToMsgpackFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<Sample> payloads() {
    return JsonPayloads.any();
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void args_anyPayload_isTheSameValueInMsgpackOrRefusedWithAReason(
      @ForAll("payloads") Sample sample) throws IOException {
    byte[] payload = sample.bytes();
    byte[] args;
    try {
      args = JsonToMsgpack.args(payload);
    } catch (JsonToMsgpack.InvalidJsonException e) {
      assertThat(e.getMessage()).as("the reason").isNotBlank();
      Statistics.collect(sample.kind(), "refused: " + firstWords(e.getMessage()));
      return;
    }

    Object expected = List.of(JsonValues.canonical(JSON.readValue(payload, Object.class)));
    assertThat(JsonValues.escaped(JsonValues.canonical(read(args))))
        .isEqualTo(JsonValues.escaped(expected));
    Statistics.collect(sample.kind(), "forwarded");
  }

  private static String firstWords(String reason) {
    String[] words = reason.split(" ");
    return words.length < 2 ? reason : words[0] + " " + words[1];
  }

  /** The one msgpack value in {@code bytes}, as the algorithm reads it. */
  private static Object read(byte[] bytes) throws IOException {
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
      Object value = Msgpack.read(in, bytes.length);
      assertThat(in.hasNext()).as("bytes after the value").isFalse();
      return value;
    }
  }
}
