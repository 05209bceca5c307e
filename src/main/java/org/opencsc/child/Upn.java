package org.opencsc.child;

import java.util.regex.Pattern;

/**
 * A Unique Pupil Number as the DfE's UPN guidance defines it: a check letter, the 3-digit local
 * authority number, 8 digits, and a last character that is a digit (or, in a temporary UPN, a
 * letter). The check letter is the remainder, divided by 23, of characters 2–13 each multiplied by
 * its position (2 to 13), read as a letter of {@value #LETTERS}; a letter in position 13 counts as
 * its place in the same list (A = 0).
 */
public final class Upn {

  static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
  private static final Pattern SHAPE = Pattern.compile("[" + LETTERS + "][0-9]{11}[0-9" + LETTERS + "]");

  private Upn() {
  }

  public static boolean valid(String upn) {
    if (upn == null || !SHAPE.matcher(upn).matches()) {
      return false;
    }
    int sum = 0;
    for (int position = 2; position <= 13; position++) {
      char character = upn.charAt(position - 1);
      int value = Character.isDigit(character) ? character - '0' : LETTERS.indexOf(character);
      sum += value * position;
    }
    return upn.charAt(0) == LETTERS.charAt(sum % 23);
  }
}
