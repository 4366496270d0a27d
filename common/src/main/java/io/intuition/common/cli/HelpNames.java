package io.intuition.common.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/** The names the help text of the options reads, before those of the command's own bundle. */
final class HelpNames extends ResourceBundle {
  private final Map<String, String> names;

  HelpNames(Map<String, String> names, ResourceBundle parent) {
    this.names = names;
    setParent(parent);
  }

  @Override
  protected Object handleGetObject(String key) {
    return names.get(key);
  }

  @Override
  protected Set<String> handleKeySet() {
    return names.keySet();
  }

  @Override
  public Enumeration<String> getKeys() {
    Set<String> keys = new LinkedHashSet<>(names.keySet());
    if (parent != null) {
      keys.addAll(parent.keySet());
    }
    return Collections.enumeration(keys);
  }
}
