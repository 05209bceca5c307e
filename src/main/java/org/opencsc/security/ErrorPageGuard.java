package org.opencsc.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * {@code /error} renders errors the server forwards to it. Asked for directly it had no error to
 * show and answered 500 (issue 21); it is a page nobody may open, so it answers as any unknown
 * page does: 404, with no detail.
 */
final class ErrorPageGuard extends OncePerRequestFilter {

  private final UrlPathHelper paths = new UrlPathHelper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.REQUEST
        && "/error".equals(paths.getPathWithinApplication(request))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(request, response);
  }
}
