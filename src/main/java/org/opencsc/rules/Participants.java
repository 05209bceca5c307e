package org.opencsc.rules;

import static org.opencsc.rules.FieldType.LINE;
import static org.opencsc.rules.FieldType.oneOf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who took part in a meeting about a child (a strategy discussion, a core group, a review
 * conference): {@code {"name", "role", "agency"}} for each participant, as one list field
 * (contract: {@code attendees}), and which agencies the list shows.
 */
public final class Participants {

  /** The list's field name on every step that records a meeting. */
  public static final String ATTENDEES = "attendees";
  public static final String[] AGENCIES = {"SOCIAL_CARE", "POLICE", "HEALTH", "EDUCATION", "PLACEMENT_PROVIDER",
      "REFERRER", "OTHER"};
  /** One participant: name, role and agency, in the order a refusal lists them. */
  public static final Map<String, FieldType> PARTICIPANT;

  static {
    Map<String, FieldType> participant = new LinkedHashMap<>();
    participant.put("name", LINE);
    participant.put("role", LINE);
    participant.put("agency", oneOf(AGENCIES));
    PARTICIPANT = Collections.unmodifiableMap(participant);
  }

  /** The field type of the list. */
  public static final FieldType LIST = FieldType.records(PARTICIPANT);

  private Participants() {
  }

  /** Whether someone from this agency took part, per the list. */
  public static boolean attended(Answers answers, String agency) {
    return answers.records(ATTENDEES).stream().anyMatch(participant -> agency.equals(participant.get("agency")));
  }

  /** The agencies among these that the list does not show, in the order given. */
  public static List<String> absent(Answers answers, List<String> agencies) {
    return agencies.stream().filter(agency -> !attended(answers, agency)).toList();
  }
}
