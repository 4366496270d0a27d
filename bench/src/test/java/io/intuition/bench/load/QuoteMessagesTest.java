package io.intuition.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuoteMessagesTest {

  @Test
  void quote_isTheFullShapeWithItsTimestamp() throws Exception {
    JsonNode quote = new ObjectMapper().readTree(QuoteMessages.quote(5, 1_700_000_000_123_456L));

    assertThat(quote.get("sid").asText()).isNotBlank();
    assertThat(quote.get("quote").asDouble()).isPositive();
    assertThat(quote.get("ts").asLong()).isEqualTo(1_700_000_000_123_456L);
  }

  @Test
  void ts_ofAnOrderAsTheBridgePublishesIt_isItsTimestamp() {
    byte[] order =
        "{\"sid\":\"GOOG\",\"quote\":345.1,\"amount\":10.0,\"shares\":0.02,\"cash\":90.0,\"ts\": 42}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(QuoteMessages.ts(order)).isEqualTo(42);
  }

  @Test
  void ts_missingOrNotANumber_isMinusOne() {
    assertThat(QuoteMessages.ts("{\"sid\":\"GOOG\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(-1);
    assertThat(QuoteMessages.ts("{\"ts\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
  }
}
