package org.opencsc.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the engine API will read from a request, for the guards in front of it. A guard must look
 * at what the engine parses, not at a second reading of it: the path after the servlet container
 * has decoded and normalised it ({@code /engine-rest/%74ask} is {@code /task} to the engine), and
 * the body's bytes as the engine's JSON reader detects them.
 */
public final class EngineRequests {

  /** Both doors to the engine API: {@code /engine-rest} and Tasklist's {@code /camunda/api/engine}. */
  private static final Pattern ENGINE_PREFIX = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");

  private EngineRequests() {
  }

  /**
   * The path after the engine prefix ({@code /task/count}), decoded and normalised as the engine
   * reads it, or empty when the request is not for the engine API.
   */
  public static Optional<String> path(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    Matcher matcher = ENGINE_PREFIX.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(matcher.group(1) == null ? "/" : matcher.group(1));
  }

  /** Whether the request's body is multipart form data (deployments, attachments, file variables). */
  public static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /**
   * Why the engine must not read this body, or empty when it is UTF-8 (with or without a byte
   * order mark). The engine's JSON reader also reads UTF-16 and UTF-32, which it detects from
   * byte order marks and zero bytes; UTF-8 JSON never holds a zero byte.
   */
  public static Optional<String> notUtf8(byte[] body) {
    if (body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
        || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
      return Optional.of("the request body is UTF-16 or UTF-32: send it as UTF-8");
    }
    for (byte b : body) {
      if (b == 0) {
        return Optional.of("the request body holds zero bytes (UTF-16 or UTF-32?): send it as UTF-8");
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
      return Optional.empty();
    } catch (CharacterCodingException malformed) {
      return Optional.of("the request body is not valid UTF-8");
    }
  }

  /** Whether a UTF-8 body is empty or starts (after any byte order mark and white space) as a JSON object. */
  public static boolean isEmptyOrObject(byte[] body) {
    int at = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF ? 3 : 0;
    while (at < body.length && (body[at] == ' ' || body[at] == '\t' || body[at] == '\r' || body[at] == '\n')) {
      at++;
    }
    return at == body.length || body[at] == '{';
  }
}
