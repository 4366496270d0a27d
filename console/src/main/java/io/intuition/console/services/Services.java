package io.intuition.console.services;

import io.intuition.common.discovery.Announcement;
import io.intuition.common.discovery.Directory;
import io.intuition.common.log.ThrottledLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services the console shows, as the directory tells of their announcements: at most {@code
 * limit} of them, so a flood of names cannot grow memory without end; one more is ignored, logged
 * and counted. Changes are pushed in batches: {@link #takeChanged()} says whether there are any.
 * Thread-safe.
 */
public final class Services implements Directory.Listener {
  private static final Logger log = LoggerFactory.getLogger(Services.class);

  /** Online first, then by kind and name, as the page lists them. */
  static final Comparator<ServiceView> ORDER =
      Comparator.comparing((ServiceView service) -> !service.online())
          .thenComparing(ServiceView::kind)
          .thenComparing(ServiceView::name);

  private record Key(String kind, String name) {}

  private final int limit;
  private final Map<Key, ServiceView> services = new HashMap<>();
  private final ThrottledLog full = ThrottledLog.of(log);
  private long refused;
  private boolean changed;

  /** A list of at most {@code limit} services. */
  public Services(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void changed(Announcement before, Announcement now) {
    Announcement any = now != null ? now : before;
    Key key = new Key(any.kind(), any.name());
    if (now == null) {
      changed |= services.remove(key) != null;
    } else if (services.size() < limit || services.containsKey(key)) {
      services.put(key, ServiceView.of(now));
      changed = true;
    } else {
      refused++;
      full.warn("ignoring service {}/{}: {} services shown already", key.kind(), key.name(), limit);
    }
  }

  /** Every service shown, online first, then by kind and name. */
  public synchronized List<ServiceView> list() {
    List<ServiceView> all = new ArrayList<>(services.values());
    all.sort(ORDER);
    return all;
  }

  /** Whether the list changed since the last call: the page is to be sent it again. */
  public synchronized boolean takeChanged() {
    boolean was = changed;
    changed = false;
    return was;
  }

  /** The services past the limit ignored so far. */
  public synchronized long refused() {
    return refused;
  }
}
