package org.opencsc.engine;

/** A new breach was written, in the transaction that wrote it (once per breach, not per attempt). */
public record BreachRecorded(Breach breach) {
}
