package io.intuition.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The page's files, read from one class-path folder: a plain file name only, no folders and no
 * {@code ..}, so nothing else of the class path can be asked for.
 */
final class StaticFiles {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("map", "application/json"),
          Map.entry("txt", "text/plain; charset=utf-8"));

  private final String base;
  private final ClassLoader loader;

  /** Files of the class-path folder {@code base}, such as {@code io/intuition/console/web/}. */
  StaticFiles(String base, ClassLoader loader) {
    this.base = base.endsWith("/") ? base : base + "/";
    this.loader = loader;
  }

  /** A file found, with its content type. */
  record File(String type, byte[] bytes) {}

  /** The file of the request path {@code path} ({@code /} meaning {@code index.html}), if any. */
  Optional<File> find(String path) {
    String name = path.equals("/") ? "index.html" : path.substring(1);
    if (!NAME.matcher(name).matches() || name.contains("..")) {
      return Optional.empty();
    }
    try (InputStream in = loader.getResourceAsStream(base + name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new File(type(name), in.readAllBytes()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String type(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
