package io.intuition.common.discovery;

import io.intuition.common.log.ThrottledLog;
import io.intuition.common.mqtt.LastWill;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttHandler;
import io.intuition.common.mqtt.PublishRefusedException;
import io.intuition.common.mqtt.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one service's announcement on its retained topic, as Sparkplug B's birth and death
 * certificates do: the death is left with the broker as the connection's {@link #lastWill()}, the
 * birth is published once connected and again after every reconnect (the broker published the will
 * when the connection dropped), and {@link #stop} publishes the death itself, since a clean
 * disconnect discards the will.
 *
 * <p>The rule of {@code seq}: the epoch milliseconds of the process's start ({@link #seq}), so it
 * grows with every start without any state kept between runs, as long as the clocks of the hosts
 * running one name do not go back by more than the time between two starts. One start keeps its
 * {@code seq} across reconnects: its will and its births carry the same one.
 *
 * <p>The announcer also listens on its own topic. A message there with a smaller {@code seq} (a
 * stale death or birth of an older process, such as the will the broker published for it after our
 * birth), a death of its own {@code seq} while it runs, or anything that is not an announcement is
 * answered by the birth again, Sparkplug's rebirth; one with a larger {@code seq} means another
 * process started later with the same name, which is logged as a warning once and left alone.
 *
 * <p>Thread-safe. Typical use:
 *
 * <pre>{@code
 * Announcer announcer = new Announcer(birth);
 * MqttSettings settings = builder.lastWill(announcer.lastWill()).build();
 * MqttConnection connection = MqttConnection.create(settings, announcer.handler(handler));
 * if (connection.connect(lifecycle)) {
 *   announcer.announce(connection);
 * }
 * ...
 * announcer.stop(Duration.ofSeconds(2));
 * connection.close();
 * }</pre>
 */
public final class Announcer {
  /** The QoS of births and deaths. */
  public static final int QOS = 1;

  private static final Logger log = LoggerFactory.getLogger(Announcer.class);

  private final Announcement birth;
  private final byte[] birthJson;
  private final byte[] deathJson;
  private final ThrottledLog unconfirmed = ThrottledLog.of(log);
  private final ThrottledLog foreign = ThrottledLog.of(log);
  private final AtomicReference<MqttConnection> connection = new AtomicReference<>();
  // births and the death are handed to the connection under this lock, so none follows the death
  private final Object publishing = new Object();
  private volatile boolean stopped;
  private volatile boolean warnedOfNewer;
  private volatile boolean refused;

  /**
   * An announcer of {@code birth}.
   *
   * @throws IllegalArgumentException if {@code birth} is a death
   */
  public Announcer(Announcement birth) {
    if (!birth.isOnline()) {
      throw new IllegalArgumentException("an announcer needs a birth, but was given " + birth);
    }
    this.birth = birth;
    this.birthJson = AnnouncementJson.write(birth);
    this.deathJson = AnnouncementJson.write(birth.toOffline());
  }

  /** The {@code seq} of a process that started at {@code started}: its epoch milliseconds. */
  public static long seq(Instant started) {
    return started.toEpochMilli();
  }

  /** What this announcer announces. */
  public Announcement birth() {
    return birth;
  }

  /**
   * A new announcer of this birth with its operations endpoint at {@code http} ({@link
   * Announcement#withHttp}); its will is the same, since a death names no endpoint. This one when
   * {@code http} is null.
   */
  public Announcer withHttp(String http) {
    return http == null ? this : new Announcer(birth.withHttp(http));
  }

  /** The death, retained at QoS 1, for {@code MqttSettings.Builder.lastWill}. */
  public LastWill lastWill() {
    return new LastWill(birth.topic(), deathJson, QOS, true);
  }

  /**
   * A handler that passes everything to {@code next} but the messages on this service's own topic,
   * which the announcer takes, and that announces again after every reconnect.
   */
  public MqttHandler handler(MqttHandler next) {
    return new MqttHandler() {
      @Override
      public void message(Received message) {
        if (message.topic().equals(birth.topic())) {
          take(message);
        } else {
          next.message(message);
        }
      }

      @Override
      public void connected(boolean reconnect) {
        if (reconnect) {
          publishBirth("after a reconnect");
        }
        next.connected(reconnect);
      }

      @Override
      public void lost(Throwable cause) {
        next.lost(cause);
      }
    };
  }

  /**
   * Publishes the birth over {@code connected}, which must have been made with {@link #handler},
   * and listens on the service's topic; once only. Does nothing after {@link #stop}.
   *
   * @throws IllegalStateException if called twice
   */
  public void announce(MqttConnection connected) {
    synchronized (publishing) {
      if (!connection.compareAndSet(null, connected)) {
        throw new IllegalStateException("announced already: " + birth.topic());
      }
      publishBirth("");
    }
    connected.subscribe(List.of(birth.topic()));
  }

  /**
   * Publishes the death and waits up to {@code timeout} for the broker to confirm it; call it
   * before closing the connection. Nothing is published if the birth never was.
   *
   * @return whether the broker confirmed the death (true too when there was nothing to say)
   */
  public boolean stop(Duration timeout) throws InterruptedException {
    CountDownLatch confirmed = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    synchronized (publishing) {
      MqttConnection connected = connection.get();
      if (stopped || connected == null || refused) {
        stopped = true;
        return true;
      }
      stopped = true;
      connected.publish(
          birth.topic(),
          deathJson,
          QOS,
          true,
          error -> {
            failure.set(error);
            confirmed.countDown();
          });
    }
    if (!confirmed.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || failure.get() != null) {
      log.warn(
          "the broker did not confirm that {} went offline within {} ms{}",
          birth.topic(),
          timeout.toMillis(),
          failure.get() != null ? " (" + failure.get().getMessage() + ")" : "");
      return false;
    }
    log.info("announced {} offline", birth.topic());
    return true;
  }

  private void publishBirth(String why) {
    synchronized (publishing) {
      MqttConnection connected = connection.get();
      if (connected == null || stopped || refused) {
        return;
      }
      log.info("announcing {} online, seq {}{}", birth.topic(), birth.seq(), why);
      connected.publish(birth.topic(), birthJson, QOS, true, this::birthConfirmed);
    }
  }

  private void birthConfirmed(Throwable failure) {
    if (failure instanceof PublishRefusedException refusal) {
      // asking again on every reconnect would only be refused again, and a broker that drops
      // the connection over a refused publish would see a client reconnecting in a loop
      refused = true;
      log.warn(
          "{}: going on without announcing; grant this login readwrite on {} to announce it",
          refusal.getMessage(),
          birth.topic());
    } else if (failure != null) {
      unconfirmed.warn(
          "the broker did not confirm the birth on {} ({}); announced again on reconnect",
          birth.topic(),
          failure.getMessage());
    }
  }

  /** A message on our own topic: ours, stale, newer or foreign. */
  private void take(Received message) {
    MqttConnection connected = connection.get();
    if (connected != null) {
      connected.ack(message);
    }
    if (stopped) {
      return;
    }
    Announcement said;
    try {
      said = message.payload().length == 0 ? null : AnnouncementJson.read(message.payload());
    } catch (IllegalArgumentException e) {
      foreign.warn(
          "not an announcement on {}: {}; announcing again", birth.topic(), e.getMessage());
      publishBirth(" over what is not an announcement");
      return;
    }
    answer(said);
  }

  private void answer(Announcement said) {
    switch (answer(birth, said)) {
      case REBIRTH -> publishBirth(why(said));
      case WARN_OF_NEWER -> warnOfNewer(said);
      case NOTHING -> {}
    }
  }

  /** What an announcer of {@code ours} does on finding {@code said} (null: removed) there. */
  static Answer answer(Announcement ours, Announcement said) {
    if (said == null || said.seq() < ours.seq()) {
      return Answer.REBIRTH;
    }
    if (said.seq() > ours.seq()) {
      return Answer.WARN_OF_NEWER;
    }
    return said.isOnline() ? Answer.NOTHING : Answer.REBIRTH;
  }

  private String why(Announcement said) {
    if (said == null) {
      return " since the announcement was removed";
    }
    return said.seq() < birth.seq()
        ? " over a stale " + said.state() + " of seq " + said.seq()
        : " over the will of an earlier connection";
  }

  /** What the announcer does about a message on its own topic. */
  enum Answer {
    /** Its own birth, or nothing to answer. */
    NOTHING,
    /** Announce again: what is there hides the birth. */
    REBIRTH,
    /** Another process announces the same name, started later. */
    WARN_OF_NEWER
  }

  private void warnOfNewer(Announcement said) {
    if (!warnedOfNewer) {
      warnedOfNewer = true;
      log.warn(
          "another process announces {} with a larger seq ({} > {}, {}): two processes use the"
              + " name {}; give each its own",
          birth.topic(),
          said.seq(),
          birth.seq(),
          said.state(),
          birth.name());
    }
  }
}
