package org.opencsc.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's pages (the welcome page, each app's log-in page) showed anyone the engine's version:
 * "Powered by Camunda Platform / v7.24.0" in the footer, and {@code ?bust=7.24.0} on every script
 * (issue 21). They are served here with an empty footer version and an opaque cache-buster (a
 * digest of the original, so caches still refresh on an upgrade). Camunda's script bundles, which
 * the log-in page needs, still carry the version for the scripts they load themselves.
 */
final class VersionFreePages extends OncePerRequestFilter {

  private static final Pattern FOOTER_VERSION = Pattern.compile("(<footer\\s+cam-widget-footer\\s+version=\")[^\"]*\"");
  private static final Pattern CACHE_BUSTER = Pattern.compile("([?&]bust=)([^\"'&\\s<>]+)");

  private final String pages;

  /** @param applicationPath the webapps' path (camunda.bpm.webapp.application-path, /camunda) */
  VersionFreePages(String applicationPath) {
    this.pages = applicationPath + "/app/";
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String last = path.substring(path.lastIndexOf('/') + 1);
    // Pages only; scripts, styles and images (a name with a dot) pass untouched.
    return !"GET".equals(request.getMethod()) || !path.startsWith(pages)
        || last.contains(".") && !"index.html".equals(last);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HtmlCapture capture = new HtmlCapture(response);
    chain.doFilter(request, capture);
    capture.finish();
  }

  static String withoutVersion(String page) {
    String footer = FOOTER_VERSION.matcher(page).replaceAll("$1\"");
    Matcher buster = CACHE_BUSTER.matcher(footer);
    StringBuilder result = new StringBuilder();
    while (buster.find()) {
      buster.appendReplacement(result, Matcher.quoteReplacement(buster.group(1) + digest(buster.group(2))));
    }
    return buster.appendTail(result).toString();
  }

  private static String digest(String value) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(("opencsc:" + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Holds back a text/html body to rewrite it; any other body (decided when it is first written)
   * goes straight through, with the length it was given.
   */
  private static final class HtmlCapture extends HttpServletResponseWrapper {

    private ByteArrayOutputStream html;
    private PrintWriter writer;
    private ServletOutputStream stream;
    private long length = -1;
    private boolean passedThrough;

    HtmlCapture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setContentLength(int length) {
      setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
      // Camunda gives the page's length before its type: kept until the body shows which it is.
      if (passedThrough) {
        super.setContentLengthLong(length);
      } else {
        this.length = length;
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (html == null && !isHtml()) {
        return passThrough().getOutputStream();
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            buffer().write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int count) {
            buffer().write(bytes, offset, count);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("a page is written at once");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (html == null && !isHtml()) {
        return passThrough().getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(buffer(), charset()));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (html == null) {
        super.flushBuffer();
      }
    }

    private boolean isHtml() {
      String type = getContentType();
      return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    private ByteArrayOutputStream buffer() {
      if (html == null) {
        html = new ByteArrayOutputStream();
      }
      return html;
    }

    private HttpServletResponse passThrough() {
      if (!passedThrough) {
        passedThrough = true;
        if (length >= 0) {
          super.setContentLengthLong(length);
        }
      }
      return (HttpServletResponse) getResponse();
    }

    private Charset charset() {
      String encoding = getCharacterEncoding();
      return encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
    }

    void finish() throws IOException {
      if (html == null) {
        passThrough();
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] page = withoutVersion(html.toString(charset())).getBytes(charset());
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setContentLength(page.length);
      response.getOutputStream().write(page);
    }
  }
}
