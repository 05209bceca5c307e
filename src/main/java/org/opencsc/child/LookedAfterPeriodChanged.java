package org.opencsc.child;

import java.time.LocalDate;

/**
 * A child began to be looked after today ({@code to} null: a new open period), or the open period
 * ended ({@code to} given), in the transaction that recorded it. A closed period recorded after the
 * event is history and sends none.
 */
public record LookedAfterPeriodChanged(String childId, LocalDate from, LocalDate to) {

  public boolean began() {
    return to == null;
  }
}
