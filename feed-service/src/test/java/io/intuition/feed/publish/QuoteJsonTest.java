package io.intuition.feed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.feed.source.Tick;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteJsonTest {
  private static final Instant SENT = Instant.parse("2024-05-06T07:08:09.123456789Z");

  @Test
  void encode_tickWithoutTime_stampsTheSendTimeInMicros() {
    assertThat(json(new Tick("GOOG", new BigDecimal("345.12"), null)))
        .isEqualTo("{\"sid\":\"GOOG\",\"quote\":345.12,\"ts\":1714979289123456}");
  }

  @Test
  void encode_tickWithTime_stampsItsOwnTime() {
    Tick tick = new Tick("AAPL", new BigDecimal("185.20"), Instant.parse("2024-01-02T00:00:00Z"));

    assertThat(json(tick)).isEqualTo("{\"sid\":\"AAPL\",\"quote\":185.20,\"ts\":1704153600000000}");
  }

  @Test
  void encode_priceWithExponent_isWrittenAsAPlainNumber() {
    assertThat(json(new Tick("X", new BigDecimal("1E+3"), null))).contains("\"quote\":1000,");
  }

  @Test
  void encode_symbolWithQuotes_isEscaped() {
    assertThat(json(new Tick("A\"B", BigDecimal.ONE, null))).startsWith("{\"sid\":\"A\\\"B\",");
  }

  private static String json(Tick tick) {
    return new String(QuoteJson.encode(tick, SENT), StandardCharsets.UTF_8);
  }
}
