package org.opencsc.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A guard's refusal, in the JSON shape the engine REST API answers its own errors with. */
public final class Refusals {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Refusals() {
  }

  public static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", type, "message", message)));
  }

  public static void badRequest(HttpServletResponse response, String message) throws IOException {
    write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
  }

  public static void forbidden(HttpServletResponse response, String message) throws IOException {
    write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", message);
  }
}
