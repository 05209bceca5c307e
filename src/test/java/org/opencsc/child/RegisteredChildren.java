package org.opencsc.child;

import java.util.Set;

/**
 * A child registry that knows only the children named, with no database: for checking a
 * process's start rules (every case names a registered child) in plain unit tests.
 */
public final class RegisteredChildren {

  private RegisteredChildren() {
  }

  public static ChildRegistry only(String... childIds) {
    Set<String> registered = Set.of(childIds);
    return new ChildRegistry(null, null, null) {
      @Override
      public boolean exists(String id) {
        return id != null && registered.contains(id);
      }

      @Override
      public java.util.Optional<Child> find(String id) {
        return java.util.Optional.empty(); // known by id only: no date of birth to check against
      }
    };
  }
}
