package io.intuition.bench.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.codec.Event;
import io.intuition.common.codec.EventCodec;
import io.intuition.common.codec.MessageIds;
import io.intuition.common.codec.Packed;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HugeEventTest {

  @Test
  void args_isOneMsgpackMapOfSymbolsToNumbersFrom100() {
    EventCodec codec = new EventCodec();
    byte[] request =
        codec.encode(
            new Event(new MessageIds().next(), null, "event", new Packed(HugeEvent.args(40))));

    Object args = codec.decode(request).argList().get(0);

    assertThat(args).isInstanceOf(Map.class);
    Map<?, ?> symbols = (Map<?, ?>) args;
    assertThat(symbols).hasSize(40);
    assertThat(((Number) symbols.get("S0")).intValue()).isEqualTo(100);
    assertThat(((Number) symbols.get("S39")).intValue()).isEqualTo(139);
  }
}
