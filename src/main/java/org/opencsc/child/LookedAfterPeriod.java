package org.opencsc.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A time the child was looked after by the council: from a date, to a date or still open. */
@Entity
@Table(name = "looked_after_period")
public class LookedAfterPeriod {

  @Id
  private String id;

  @Column(name = "child_id", nullable = false)
  private String childId;

  @Column(name = "from_date", nullable = false)
  private LocalDate from;

  @Column(name = "to_date")
  private LocalDate to;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  protected LookedAfterPeriod() {
  }

  LookedAfterPeriod(String id, String childId, LocalDate from, LocalDate to, Instant recordedAt, String recordedBy) {
    this.id = id;
    this.childId = childId;
    this.from = from;
    this.to = to;
    this.recordedAt = recordedAt;
    this.recordedBy = recordedBy;
  }

  /** Whether the child was looked after on that day (a period includes its first and last days). */
  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }

  /** Whether this period and [from, to] share a day (an open end runs for ever). */
  public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
    return (to == null || !otherFrom.isAfter(to)) && (otherTo == null || !from.isAfter(otherTo));
  }

  /** As the API shows it: {@code {"from": "2025-04-01", "to": null}}. */
  public Map<String, Object> view() {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("from", from.toString());
    shown.put("to", to == null ? null : to.toString());
    return shown;
  }

  void end(LocalDate on) {
    this.to = on;
  }

  public String getId() { return id; }
  public String getChildId() { return childId; }
  public LocalDate getFrom() { return from; }
  public LocalDate getTo() { return to; }
}
