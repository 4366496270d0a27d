package io.intuition.common.discovery;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Announcements as a table of aligned columns: {@code KIND NAME STATE RPC/CHANNELS HTTP VERSION
 * STARTED SEQ}, the services alive first, then those offline, each by kind and name. A death says
 * no more than its name, kind and seq: its other columns are {@code -}.
 */
public final class ServiceTable {
  private static final List<String> HEADER =
      List.of("KIND", "NAME", "STATE", "RPC/CHANNELS", "HTTP", "VERSION", "STARTED", "SEQ");
  private static final String NONE = "-";
  private static final Comparator<Announcement> ORDER =
      Comparator.comparing((Announcement a) -> !a.isOnline())
          .thenComparing(Announcement::kind)
          .thenComparing(Announcement::name);

  private ServiceTable() {}

  /** Prints the table of {@code services} to {@code out}: the header, then a row for each. */
  public static void print(List<Announcement> services, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    services.stream().sorted(ORDER).map(ServiceTable::row).forEach(rows::add);
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length() + 2));
        }
      }
      out.println(line);
    }
    out.flush();
  }

  private static List<String> row(Announcement a) {
    String where = a.rpc() != null ? a.rpc() : String.join(",", a.channels());
    return List.of(
        a.kind(),
        a.name(),
        a.state(),
        orNone(where),
        orNone(a.http()),
        orNone(a.version()),
        orNone(a.started()),
        Long.toString(a.seq()));
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }
}
