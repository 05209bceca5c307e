package org.opencsc.security;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.opencsc.rules.Groups;
import org.opencsc.web.Refusals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three doors. The engine API ({@code /engine-rest}) takes HTTP Basic credentials of a Camunda
 * user on every request (401 without), and the engine checks that user's authorizations (403
 * outside one's groups). Our own API ({@code /api}) takes the same credentials, or the session
 * of the compliance dashboard's login form. The webapps ({@code /camunda}) keep Camunda's own
 * session login and CSRF protection; their setup page is closed for good.
 */
@Configuration
public class SecurityConfiguration {

  static final String REALM = "OpenCSC";
  /** The cookie that carries the dashboard's and login form's CSRF token. */
  static final String CSRF_COOKIE = "OPENCSC-CSRF";
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
      + "base-uri 'none'; object-src 'none'";
  private static final RequestMatcher LOGIN_FORMS = new OrRequestMatcher(path("/login"), path("/logout"));

  /**
   * Spring Security would otherwise time each of its filters on every request (about a tenth of
   * the CPU an API call costs); nothing reads those timings. HTTP request metrics stay.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineApi(HttpSecurity http, CamundaUserAuthentication users, IdentityService identity,
      TaskService tasks, HistoryService history, RepositoryService repository) throws Exception {
    // Path matchers, not MVC ones: the engine REST API and the webapps are Jersey servlets.
    http.securityMatcher(path("/engine-rest/**"))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic auth carries no ambient credentials for a forged request to use.
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineIdentityFilter(identity), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineBodyGuard(), EngineIdentityFilter.class)
        .addFilterAfter(new ExpressionGuard(), EngineBodyGuard.class)
        .addFilterAfter(new EngineWriteGuard(), ExpressionGuard.class)
        .addFilterAfter(new CaseScopeGuard(identity, tasks, history, repository), EngineWriteGuard.class);
    return http.build();
  }

  /**
   * Our own API and the compliance dashboard: HTTP Basic for other systems, and a login form with
   * a session for people using the dashboard in a browser (CSRF-protected, except for requests
   * that carry their own credentials).
   */
  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, CamundaUserAuthentication users, IdentityService identity,
      @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) throws Exception {
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/dashboard/**"), path("/login"),
            path("/logout"), path("/default-ui.css"), path("/webjars/chart.js/**"), path("/actuator/**")))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            // Load balancers ask for health without credentials; it shows no details.
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"))
            .permitAll()
            .requestMatchers(path("/actuator/**")).hasAuthority(Groups.CAMUNDA_ADMIN)
            .requestMatchers(path(HttpMethod.POST, "/api/children"), path(HttpMethod.POST, "/api/children/*/looked-after-periods"))
            .hasAnyAuthority(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS,
                Groups.CAMUNDA_ADMIN)
            .requestMatchers(path("/api/children/**"))
            .hasAnyAuthority(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS,
                Groups.AGENCY_DECISION_MAKERS, Groups.PANEL_ADVISERS, Groups.INDEPENDENT_REVIEWING_OFFICERS,
                Groups.HEADS_OF_SERVICE, Groups.LEGAL_ADVISERS, Groups.CAMUNDA_ADMIN)
            .requestMatchers(path("/api/migrations/**"))
            .hasAnyAuthority(Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)
            .requestMatchers(path("/api/compliance/**"), path("/api/returns/**"), path("/dashboard/**"))
            .hasAnyAuthority(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS,
                Groups.HEADS_OF_SERVICE, Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
        .formLogin(form -> form.defaultSuccessUrl("/dashboard/", false))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(unauthorized(),
                new OrRequestMatcher(path("/api/**"), path("/actuator/**")))
            .accessDeniedHandler(forbidden()))
        // Anonymous visits keep no session (a row in the database each): no page is remembered for
        // after the login, which always lands on the dashboard, and the login form's CSRF token is
        // a cookie, not a session attribute.
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        // CSRF protects the dashboard's session and the login and logout forms. Skipped only for
        // well-formed Basic credentials (checked on their own: BasicCredentials.OverSession) and for
        // a request without a session, neither of which a forged request could borrow, unless a
        // browser says another site sent it: browsers replay Basic credentials they once asked for.
        .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie(secureCookies))
            .ignoringRequestMatchers(request -> !BasicCredentials.sentByAnotherSite(request)
                && (BasicCredentials.wellFormed(request)
                    || request.getSession(false) == null && !LOGIN_FORMS.matches(request))))
        .headers(SecurityConfiguration::pageHeaders)
        .addFilterBefore(new BasicCredentials.OverSession(), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineIdentityFilter(identity), BasicAuthenticationFilter.class);
    return http.build();
  }

  /** The dashboard's CSRF token in its own cookie (Camunda's XSRF-TOKEN is the webapps'). */
  private static CsrfTokenRepository csrfCookie(boolean secure) {
    CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
    cookie.setCookieName(CSRF_COOKIE);
    cookie.setCookiePath("/");
    cookie.setCookieCustomizer(builder -> builder.secure(secure).sameSite("Strict").httpOnly(true));
    return cookie;
  }

  /**
   * The dashboard and the login page: scripts, styles and data from this origin only (the page's
   * own files and /webjars/chart.js), never framed, no referrer sent elsewhere.
   */
  private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
        .crossOriginResourcePolicy(resource -> resource.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()"));
  }

  @Bean
  @Order(3)
  SecurityFilterChain webapps(HttpSecurity http, CamundaBpmProperties camunda, IdentityService identity,
      TaskService tasks, HistoryService history, RepositoryService repository) throws Exception {
    String webapps = camunda.getWebapp().getApplicationPath();
    http.securityMatcher(path("/**"))
        .authorizeHttpRequests(requests -> requests
            // CVE-2026-77226: the webapps' first-admin setup must never be reachable.
            .requestMatchers(path(webapps + "/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll())
        // The webapps run Camunda's own session login and CSRF filter (WebappCsrfGuard first).
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        // Tasklist's door to the engine API gets the same guards as /engine-rest; the body,
        // expression and write guards answer before the webapp's CSRF check.
        .addFilterBefore(new EngineBodyGuard(), BasicAuthenticationFilter.class)
        .addFilterAfter(new ExpressionGuard(), EngineBodyGuard.class)
        .addFilterAfter(new EngineWriteGuard(), ExpressionGuard.class)
        .addFilterAfter(new ErrorPageGuard(), EngineWriteGuard.class)
        .addFilterAfter(new WebappCsrfGuard(webapps, camunda.getWebapp().getCsrf().getEntryPoints()),
            ErrorPageGuard.class)
        .addFilterAfter(new CaseScopeGuard(identity, tasks, history, repository), WebappCsrfGuard.class)
        .addFilterAfter(new VersionFreePages(webapps), CaseScopeGuard.class);
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
      Refusals.write(response, 401, "AuthenticationException",
          "Authentication required: send HTTP Basic credentials of a known user");
    };
  }

  private static AccessDeniedHandler forbidden() {
    return (request, response, exception) -> Refusals.write(response, 403, "AuthorizationException",
        "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI());
  }
}
