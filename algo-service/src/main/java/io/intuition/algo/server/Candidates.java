package io.intuition.algo.server;

import io.intuition.algo.sizer.SizerFactory;
import io.intuition.algo.strategy.StrategyFactory;
import java.util.Iterator;
import picocli.CommandLine.IVersionProvider;

/** What the help of the algo's commands lists: the version, the algorithms and the sizers. */
final class Candidates {
  private Candidates() {}

  /** Prints the version written by the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return AlgoMain.BUILD.versionLines();
    }
  }

  /** The algorithm names for the help text. */
  static final class Algorithms implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return StrategyFactory.registry().names().iterator();
    }
  }

  /** The sizer names for the help text. */
  static final class Sizers implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SizerFactory.registry().names().iterator();
    }
  }
}
