package io.intuition.bridge.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.intuition.bridge.it.Delivery;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No quote is lost when a process of the suite crashes or freezes, or the network fails, while
 * quotes stream in, and none is traded twice: the suite comes through each {@link Fault} with every
 * quote answered and the algo's book holding each distinct order once. Duplicate orders, the price
 * of at-least-once delivery, are counted and reported.
 */
class MidStreamFaultIT {
  @RegisterExtension final FaultSuite faults = new FaultSuite();

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fault.class)
  void faultMidStream_everyQuoteIsAnsweredAndTradedOnce(Fault fault) {
    Delivery delivery = faults.streamThrough(() -> fault.strike(faults.suite()));

    faults.assertEveryQuoteAnswered(delivery);
    assertThat(fault.log(faults.suite())).as("the log of %s", fault).contains(fault.shows());
  }
}
