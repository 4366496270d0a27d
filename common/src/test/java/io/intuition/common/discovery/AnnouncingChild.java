package io.intuition.common.discovery;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A process that announces one service and runs until killed, for tests of what the broker does
 * when a process dies: {@code AnnouncingChild URL NAME SEQ KEEP_ALIVE_SECONDS}.
 */
public final class AnnouncingChild {
  private AnnouncingChild() {}

  /** Announces {@code test/NAME} with the given seq, prints "announced", then waits forever. */
  public static void main(String[] args) throws Exception {
    Announcement birth =
        new Announcement(
            args[1],
            "test",
            Announcement.ONLINE,
            "test",
            null,
            null,
            null,
            List.of(),
            Instant.now().toString(),
            Long.parseLong(args[2]));
    Announcer announcer = new Announcer(birth);
    MqttSettings settings =
        MqttSettings.builder(MqttUrl.parse(args[0]), "child-" + args[1] + "-" + args[2])
            .keepAliveSeconds(Integer.parseInt(args[3]))
            .lastWill(announcer.lastWill())
            .build();
    MqttConnection connection = MqttConnection.create(settings, announcer.handler(message -> {}));
    Lifecycle lifecycle = new Lifecycle(Duration.ofSeconds(1));
    if (connection.connect(lifecycle)) {
      announcer.announce(connection);
      System.out.println("announced");
      System.out.flush();
    }
    lifecycle.awaitStop();
  }
}
