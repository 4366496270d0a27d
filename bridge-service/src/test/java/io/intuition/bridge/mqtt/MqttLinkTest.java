package io.intuition.bridge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MqttLinkTest {
  @Test
  void filters_inASharedGroup_takeEachChannelThroughTheGroup() {
    assertThat(MqttLink.filters("algos", List.of("quotes", "quotes/+")))
        .containsExactly("$share/algos/quotes", "$share/algos/quotes/+");
  }

  @Test
  void filters_withoutAGroup_areTheChannels() {
    assertThat(MqttLink.filters(null, List.of("quotes/GOOG", "indicators/+/sma/3")))
        .containsExactly("quotes/GOOG", "indicators/+/sma/3");
  }
}
