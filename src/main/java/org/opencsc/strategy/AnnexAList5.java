package org.opencsc.strategy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opencsc.calendar.LondonTime;
import org.opencsc.compliance.AnnexAList;
import org.opencsc.compliance.CaseScope.Visible;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Annex A list 5: section 47 enquiries and initial child protection conferences, one row per
 * strategy discussion that started an enquiry.
 */
@Component
class AnnexAList5 extends AnnexAList {

  AnnexAList5(NamedParameterJdbcTemplate jdbc) {
    super(jdbc, 5,
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an Initial Child Protection Conference deemed unnecessary?",
        "Date of Initial Child Protection Conference",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan");
  }

  @Override
  public List<Map<String, String>> rows(Visible scope) {
    LocalDate today = LondonTime.now().toLocalDate();
    return jdbc.query("select s.child_id, c.date_of_birth, c.disabled, s.held_at, s.s47_outcome, s.icpc_held_on, "
        + "s.child_protection_plan from strategy_discussion s join child c on c.id = s.child_id "
        + "where s.decision = 'SECTION_47' and s.held_at is not null" + and(scope, "s.process_instance_id")
        + " order by s.held_at, s.process_instance_id", params(scope), (row, i) -> {
          Map<String, String> line = child(row.getString("child_id"), row.getObject("date_of_birth", LocalDate.class),
              row.getBoolean("disabled"), today);
          line.put("Strategy discussion initiating Section 47 Enquiry Start Date", date(row.getTimestamp("held_at").toInstant()));
          String outcome = row.getString("s47_outcome");
          line.put("Was an Initial Child Protection Conference deemed unnecessary?",
              outcome == null ? "" : "ICPC_REQUIRED".equals(outcome) ? "No" : "Yes");
          LocalDate icpc = row.getObject("icpc_held_on", LocalDate.class);
          line.put("Date of Initial Child Protection Conference", icpc == null ? "" : icpc.format(DATE));
          Object plan = row.getObject("child_protection_plan");
          line.put("Did the Initial Child Protection Conference Result in a Child Protection Plan",
              plan == null ? "" : (Boolean) plan ? "Yes" : "No");
          return line;
        });
  }
}
