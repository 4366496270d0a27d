package io.intuition.common.testing;

import io.intuition.common.cli.Lifecycle;
import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.Directory;
import io.intuition.common.discovery.Topics;
import io.intuition.common.mqtt.BrokerRefusedException;
import io.intuition.common.mqtt.MqttConnection;
import io.intuition.common.mqtt.MqttSettings;
import io.intuition.common.mqtt.MqttUrl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What services announce on a broker, for tests: a {@link Directory} of {@code services/#} over its
 * own connection, with every change it saw in order, or the retained announcements a new subscriber
 * finds ({@link #retained}).
 */
public final class ServiceAnnouncements implements AutoCloseable {
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private final List<Announcement> changes = new CopyOnWriteArrayList<>();
  private final Directory directory = new Directory((before, now) -> record(now));
  private final MqttConnection connection;

  private ServiceAnnouncements(String url) {
    MqttSettings settings =
        MqttSettings.builder(MqttUrl.parse(url), "watch-" + UUID.randomUUID()).build();
    connection = MqttConnection.create(settings, directory.handler());
  }

  /**
   * Watches {@code services/#} on the broker at {@code url} until closed.
   *
   * @throws BrokerRefusedException if the broker refuses the connection
   */
  public static ServiceAnnouncements watch(String url)
      throws InterruptedException, BrokerRefusedException {
    ServiceAnnouncements watch = new ServiceAnnouncements(url);
    if (!watch.connection.connect(new Lifecycle(Duration.ofSeconds(1)))) {
      throw new IllegalStateException("the watch was stopped before it connected");
    }
    watch.directory.watch(watch.connection, Topics.ALL);
    return watch;
  }

  /**
   * The announcement retained for {@code kind}/{@code name} on the broker at {@code url}, as a new
   * subscriber finds it: once the retained messages stopped coming for a moment.
   */
  public static Optional<Announcement> retained(String url, String kind, String name)
      throws InterruptedException, BrokerRefusedException {
    try (ServiceAnnouncements watch = watch(url)) {
      watch.directory.awaitQuiet(QUIET, LIMIT);
      return watch.directory.find(kind, name);
    }
  }

  /** The latest announcement of {@code kind}/{@code name} seen, superseding the ones before. */
  public Optional<Announcement> current(String kind, String name) {
    return directory.find(kind, name);
  }

  /** Every announcement of {@code kind}/{@code name} that changed the directory, in order. */
  public List<Announcement> changes(String kind, String name) {
    return changes.stream()
        .filter(change -> change.kind().equals(kind) && change.name().equals(name))
        .toList();
  }

  @Override
  public void close() {
    connection.close();
  }

  private void record(Announcement now) {
    if (now != null) {
      changes.add(now);
    }
  }
}
