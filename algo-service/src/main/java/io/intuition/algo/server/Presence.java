package io.intuition.algo.server;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.Announcer;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The algo's announcement on MQTT, made in the background: the RPC server serves whether or not the
 * broker is there, and the announcer connects, retrying, as long as the service runs. A broker that
 * refuses the login stops the service, with {@link BrokerRefusedException#EXIT_CODE}.
 */
final class Presence {
  /** How long a stop waits for the broker to confirm the death; within the signal's close limit. */
  static final Duration DEATH_WAIT = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(Presence.class);

  private final Announcer announcer;
  private final MqttConnection connection;
  private final Thread thread;
  private volatile BrokerRefusedException refusal;

  private Presence(Announcer announcer, MqttConnection connection, Lifecycle lifecycle) {
    this.announcer = announcer;
    this.connection = connection;
    this.thread = new Thread(() -> announce(lifecycle), "announcer");
    this.thread.setDaemon(true);
  }

  /** Nothing announced: no {@code --mqtt}. */
  static Presence none() {
    return new Presence(null, null, null);
  }

  /** Starts announcing {@code birth} on the broker of {@code settings}, in the background. */
  static Presence start(MqttSettings.Builder settings, Announcement birth, Lifecycle lifecycle) {
    Announcer announcer = new Announcer(birth);
    MqttConnection connection =
        MqttConnection.create(
            settings.lastWill(announcer.lastWill()).build(), announcer.handler(message -> {}));
    Presence presence = new Presence(announcer, connection, lifecycle);
    presence.thread.start();
    return presence;
  }

  /** The birth of the algo {@code name}, serving at {@code rpc}, started at {@code started}. */
  static Announcement birth(
      String name, String version, String rpc, String algorithm, String sizer, Instant started) {
    return new Announcement(
        name,
        "algo",
        Announcement.ONLINE,
        version,
        rpc,
        algorithm,
        sizer,
        List.of(),
        started.truncatedTo(ChronoUnit.MILLIS).toString(),
        Announcer.seq(started));
  }

  /** The broker's refusal, which stopped the service, or null. */
  BrokerRefusedException refusal() {
    return refusal;
  }

  /** Announces the death, if the birth went out, and disconnects. */
  void stop() throws InterruptedException {
    if (announcer == null) {
      return;
    }
    announcer.stop(DEATH_WAIT);
    connection.close();
    thread.join(TimeUnit.SECONDS.toMillis(1));
  }

  private void announce(Lifecycle lifecycle) {
    try {
      if (connection.connect(lifecycle)) {
        announcer.announce(connection);
      }
    } catch (BrokerRefusedException e) {
      refusal = e;
      lifecycle.stop();
    } catch (InterruptedException e) {
      log.debug("announcing interrupted");
    }
  }
}
