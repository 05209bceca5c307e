package org.opencsc.security;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opencsc.web.CachedBodyRequest;
import org.opencsc.web.EngineRequests;
import org.opencsc.web.Refusals;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first guard on every door to the engine API: a body reaches the engine only as plain
 * UTF-8, so the guards after this one read exactly what the engine will. The engine's JSON
 * reader would also take UTF-16 and UTF-32 (a guard reading the bytes as UTF-8 saw no
 * expression in them: CVE-2026-109432 bypassed), and Jersey may inflate a compressed body
 * after the guards have looked at the compressed bytes. Multipart bodies (deployments,
 * attachments, file variables) are the engine's own multipart reader's to parse.
 */
class EngineBodyGuard extends OncePerRequestFilter {

  /** Larger JSON bodies than any step, query or filter needs are refused, not cut short. */
  static final int MAX_BODY = 1 << 20;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (EngineRequests.path(request).isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
      Refusals.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "InvalidRequestException",
          "Content-Encoding " + encoding + " is not accepted: send the request body uncompressed");
      return;
    }
    if (EngineRequests.isMultipart(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (!isUtf8(request.getCharacterEncoding())) {
      Refusals.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "InvalidRequestException",
          "charset " + request.getCharacterEncoding() + " is not accepted: send the request body as UTF-8");
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_BODY + 1);
    if (cached.body().length > MAX_BODY) {
      Refusals.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "The request body is larger than " + MAX_BODY + " bytes");
      return;
    }
    Optional<String> notUtf8 = EngineRequests.notUtf8(cached.body());
    if (notUtf8.isPresent()) {
      Refusals.badRequest(response, notUtf8.get());
      return;
    }
    if (!EngineRequests.isEmptyOrObject(cached.body())) {
      // every body the engine API takes is an object; some resources fail with a server error on others
      Refusals.badRequest(response, "The request body must be a JSON object");
      return;
    }
    chain.doFilter(cached, response);
  }

  private static boolean isUtf8(String charset) {
    if (charset == null) {
      return true;
    }
    try {
      return Charset.forName(charset.trim()).equals(StandardCharsets.UTF_8);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      return false;
    }
  }
}
