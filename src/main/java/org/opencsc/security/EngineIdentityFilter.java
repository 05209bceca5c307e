package org.opencsc.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is calling, for the length of one API request, so Camunda's
 * authorizations apply (403 outside one's groups) and every completed step records its user.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

  private final IdentityService identity;

  EngineIdentityFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || !caller.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    // a token from before logins carried their tenants (a web session kept over an upgrade) asks the engine
    List<String> tenants = caller instanceof CamundaUserAuthentication.CamundaUser user ? user.tenants()
        : identity.createTenantQuery().userMember(caller.getName()).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList();
    identity.setAuthentication(caller.getName(), groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
