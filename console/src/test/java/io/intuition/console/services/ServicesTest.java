package io.intuition.console.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.common.discovery.Announcement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicesTest {
  private final Services services = new Services(3);

  private static Announcement online(String kind, String name) {
    return new Announcement(
        name, kind, Announcement.ONLINE, "1", null, null, null, List.of(), null, 1);
  }

  @Test
  void list_isOnlineFirst_thenByKindAndName() {
    services.changed(null, online("feed", "f"));
    services.changed(null, online("algo", "b"));
    services.changed(null, Announcement.offline("a", "algo", 1));

    assertThat(services.list()).extracting(ServiceView::name).containsExactly("b", "f", "a");
  }

  @Test
  void changed_pastTheLimit_ignoresTheNewServiceAndCountsIt() {
    for (int i = 0; i < 4; i++) {
      services.changed(null, online("algo", "a" + i));
    }

    assertThat(services.list()).hasSize(3);
    assertThat(services.refused()).isEqualTo(1);
  }

  @Test
  void changed_toNothing_removesTheService() {
    Announcement alpha = online("algo", "alpha");
    services.changed(null, alpha);

    services.takeChanged();

    services.changed(alpha, null);

    assertThat(services.list()).isEmpty();
    assertThat(services.takeChanged()).isTrue();
    assertThat(services.takeChanged()).isFalse();
  }
}
