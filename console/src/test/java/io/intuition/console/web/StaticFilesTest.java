package io.intuition.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StaticFilesTest {
  private static final Pattern MODULE_SCRIPT =
      Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"></script>");
  private static final Pattern IMPORT = Pattern.compile("^import .* from \"\\./([^\"]+)\";$");

  private final StaticFiles files =
      new StaticFiles("io/intuition/console/web/", StaticFilesTest.class.getClassLoader());

  @Test
  void scriptsAreJavascriptForBrowsersToRunThemAsModules() {
    assertThat(StaticFiles.type("console.js")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(StaticFiles.type("books.JS")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(StaticFiles.type("checks.mjs")).isEqualTo("text/javascript; charset=utf-8");
  }

  @Test
  void everyModuleThePageImportsIsServedAsJavascript() {
    String index = text("/");
    Matcher entry = MODULE_SCRIPT.matcher(index);
    assertThat(entry.find()).as("index.html loads its script as a module").isTrue();

    Set<String> seen = new LinkedHashSet<>();
    Deque<String> toRead = new ArrayDeque<>();
    toRead.add(entry.group(1));
    while (!toRead.isEmpty()) {
      String name = toRead.poll();
      if (!seen.add(name)) {
        continue;
      }
      StaticFiles.File file = files.find("/" + name).orElseThrow();
      assertThat(file.type()).as(name).isEqualTo("text/javascript; charset=utf-8");
      new String(file.bytes(), StandardCharsets.UTF_8)
          .lines()
          .map(IMPORT::matcher)
          .filter(Matcher::matches)
          .forEach(line -> toRead.add(line.group(1)));
    }
    assertThat(seen)
        .contains(
            "console.js",
            "orders.js",
            "books.js",
            "services.js",
            "metrics.js",
            "indicators.js",
            "format.js",
            "dom.js");
  }

  @Test
  void namesWithFoldersAreNotServed() {
    assertThat(files.find("/../web/console.js")).isEmpty();
    assertThat(files.find("/web/console.js")).isEmpty();
  }

  private String text(String path) {
    return new String(files.find(path).orElseThrow().bytes(), StandardCharsets.UTF_8);
  }
}
