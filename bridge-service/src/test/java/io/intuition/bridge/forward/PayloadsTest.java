package io.intuition.bridge.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {
  private final Payloads payloads = new Payloads(16);

  @Test
  void check_payloadWithinTheLimit_isFine() {
    assertThat(payloads.check(bytes("{\"symbol\":\"AAP\"}"))).isNull();
  }

  @Test
  void check_empty_isRejectedAsEmpty() {
    assertThat(payloads.check(new byte[0])).isEqualTo("empty payload");
  }

  @Test
  void check_overTheLimit_namesItsSizeAndTheLimit() {
    assertThat(payloads.check(bytes("{\"symbol\":\"AAPL\"}")))
        .isEqualTo("payload of 17 bytes is over the limit of 16 bytes");
  }

  @Test
  void write_rejection_isCompactJsonInTheMapsOrder() {
    Map<String, Object> rejection = new LinkedHashMap<>();
    rejection.put("symbol", "AAPL");
    rejection.put("amount", List.of(1, 2.5, true));

    assertThat(new String(payloads.write(rejection), StandardCharsets.UTF_8))
        .isEqualTo("{\"symbol\":\"AAPL\",\"amount\":[1,2.5,true]}");
  }

  @Test
  void excerpt_upTo80Chars_isTheWholePayload() {
    String text = "y".repeat(80);

    assertThat(Payloads.excerpt(bytes(text))).isEqualTo(text);
  }

  @Test
  void excerpt_over80Chars_isCutAt80WithAnEllipsis() {
    String text = "0123456789".repeat(8) + "overflow";

    assertThat(Payloads.excerpt(bytes(text))).isEqualTo("0123456789".repeat(8) + "...");
  }

  @Test
  void excerpt_ofAHugePayload_isCutAt80WithAnEllipsis() {
    assertThat(Payloads.excerpt(bytes("z".repeat(1_000_000)))).isEqualTo("z".repeat(80) + "...");
  }

  @Test
  void excerpt_invalidUtf8_isReadWithReplacementCharacters() {
    assertThat(Payloads.excerpt(new byte[] {'a', (byte) 0xff, 'b'})).isEqualTo("a\uFFFDb");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
