package org.opencsc.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that brings its own HTTP Basic credentials to {@code /api}: it may skip the
 * dashboard's CSRF check only when they are well-formed, and they are checked on their own, never
 * helped by a session (issue 21).
 */
final class BasicCredentials {

  /** Sec-Fetch-Site values a browser sends for a request another site started. */
  private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

  private BasicCredentials() {
  }

  /** {@code Authorization: Basic} and the base64 of {@code user:password}, as Spring Security reads it. */
  static boolean wellFormed(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return false;
    }
    header = header.trim();
    if (header.length() <= 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      return new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8).indexOf(':') >= 0;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /**
   * A browser's mark on a request that another site started (Sec-Fetch-Site): it may carry Basic
   * credentials the browser once asked the user for. Other systems send no such header.
   */
  static boolean sentByAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return site != null && OTHER_SITES.contains(site.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * Before Basic authentication: a request with Basic credentials is authenticated by them alone.
   * Otherwise Spring Security keeps the session's user when the Basic user name is the same, without
   * checking the password, and a request that skipped CSRF would act with the session.
   */
  static final class OverSession extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (wellFormed(request)) {
        SecurityContextHolder.clearContext();
      }
      chain.doFilter(request, response);
    }
  }
}
