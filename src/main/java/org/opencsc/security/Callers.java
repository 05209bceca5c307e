package org.opencsc.security;

import java.util.ArrayList;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.opencsc.rules.Groups;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling: an API caller (HTTP Basic) or a webapp user (Camunda's session login). */
final class Callers {

  private Callers() {
  }

  static boolean isAdministrator(HttpServletRequest request) {
    var caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller != null && caller.isAuthenticated()
        && caller.getAuthorities().stream().anyMatch(a -> Groups.CAMUNDA_ADMIN.equals(a.getAuthority()))) {
      return true;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Authentications webappUsers = AuthenticationUtil.getAuthsFromSession(session);
    return webappUsers != null && webappUsers.getAuthentications().stream()
        .map(UserAuthentication::getGroupIds)
        .anyMatch(groups -> groups != null && groups.contains(Groups.CAMUNDA_ADMIN));
  }

  /** The user logged in to the webapps in this request's session (Camunda's own login), if any. */
  static Optional<Authentication> webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications webappUsers = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (webappUsers == null) {
      return Optional.empty();
    }
    return webappUsers.getAuthentications().stream().findFirst()
        .map(user -> new Authentication(user.getIdentityId(),
            user.getGroupIds() == null ? null : new ArrayList<>(user.getGroupIds()),
            user.getTenantIds() == null ? null : new ArrayList<>(user.getTenantIds())));
  }
}
