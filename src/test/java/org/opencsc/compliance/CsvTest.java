package org.opencsc.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Export cells a spreadsheet would run as a formula (OWASP's CSV injection list) are defused. */
class CsvTest {

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"})
  void aCellThatASpreadsheetWouldRunStartsWithAnApostrophe(String typed) {
    assertThat(Csv.cell(typed)).isEqualTo("\"'" + typed + "\"");
  }

  @Test
  void plainTextAndQuotesAreKeptAsTyped() {
    assertThat(Csv.cell("Child said \"no\", twice")).isEqualTo("\"Child said \"\"no\"\", twice\"");
    assertThat(Csv.cell(" =not at the start")).isEqualTo("\" =not at the start\"");
    assertThat(Csv.cell(null)).isEqualTo("\"\"");
    assertThat(Csv.of(List.of("a", "b"), List.of(Map.of("a", "1", "b", "\t2")))).isEqualTo("\"a\",\"b\"\r\n\"1\",\"'\t2\"\r\n");
  }
}
