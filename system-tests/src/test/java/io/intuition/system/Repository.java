package io.intuition.system;

import io.intuition.common.testing.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The files of the repository under test, found from its root. */
final class Repository {
  private Repository() {}

  /** The file or folder at {@code relative}, a path such as {@code ./mosquitto/acl}. */
  static Path path(String relative) {
    return ProjectPaths.root().resolve(relative).normalize();
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }

  /** The modules the parent pom lists. */
  static List<String> modules() {
    NodeList modules = pom("pom.xml").getElementsByTagName("module");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < modules.getLength(); i++) {
      names.add(modules.item(i).getTextContent().trim());
    }
    return names;
  }

  /** The {@code build/finalName} of {@code module}'s pom: the name of the jar it packages. */
  static String finalName(String module) {
    Element project = pom(module + "/pom.xml").getDocumentElement();
    NodeList builds = project.getElementsByTagName("build");
    if (builds.getLength() == 0) {
      throw new IllegalStateException(module + "/pom.xml has no build section");
    }
    NodeList names = ((Element) builds.item(0)).getElementsByTagName("finalName");
    if (names.getLength() == 0) {
      throw new IllegalStateException(module + "/pom.xml sets no finalName");
    }
    return names.item(0).getTextContent().trim();
  }

  private static Document pom(String relative) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(path(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot parse " + relative + ": " + e.getMessage(), e);
    }
  }
}
