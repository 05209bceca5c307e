package org.opencsc.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

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
  private static final ObjectMapper JSON = new ObjectMapper();

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
  SecurityFilterChain engineApi(HttpSecurity http, CamundaUserAuthentication users, IdentityService identity)
      throws Exception {
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
        .addFilterAfter(new ExpressionGuard(), EngineIdentityFilter.class)
        .addFilterAfter(new EngineWriteGuard(), ExpressionGuard.class);
    return http.build();
  }

  /**
   * Our own API and the compliance dashboard: HTTP Basic for other systems, and a login form with
   * a session for people using the dashboard in a browser (CSRF-protected, except for requests
   * that carry their own credentials).
   */
  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, CamundaUserAuthentication users, IdentityService identity)
      throws Exception {
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/dashboard/**"), path("/login"),
            path("/logout"), path("/webjars/chart.js/**"), path("/actuator/**")))
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            // Load balancers ask for health without credentials; it shows no details.
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"))
            .permitAll()
            .requestMatchers(path("/actuator/**")).hasAuthority(Groups.CAMUNDA_ADMIN)
            .requestMatchers(path(HttpMethod.POST, "/api/children"))
            .hasAnyAuthority(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS,
                Groups.CAMUNDA_ADMIN)
            .requestMatchers(path("/api/children/**"))
            .hasAnyAuthority(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS,
                Groups.AGENCY_DECISION_MAKERS, Groups.PANEL_ADVISERS, Groups.CAMUNDA_ADMIN)
            .requestMatchers(path("/api/migrations/**"))
            .hasAnyAuthority(Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)
            .requestMatchers(path("/api/compliance/**"), path("/dashboard/**"))
            .hasAnyAuthority(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS,
                Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
        .formLogin(form -> form.defaultSuccessUrl("/dashboard/", false))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(unauthorized(),
                new OrRequestMatcher(path("/api/**"), path("/actuator/**")))
            .accessDeniedHandler(forbidden()))
        // CSRF protects the dashboard's session; a request with its own credentials, or with no
        // session at all, carries nothing a forged request could borrow.
        .csrf(csrf -> csrf.ignoringRequestMatchers(
            request -> request.getHeader("Authorization") != null || request.getSession(false) == null))
        .addFilterAfter(new EngineIdentityFilter(identity), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain webapps(HttpSecurity http, CamundaBpmProperties camunda) throws Exception {
    String webapps = camunda.getWebapp().getApplicationPath();
    http.securityMatcher(path("/**"))
        .authorizeHttpRequests(requests -> requests
            // CVE-2026-77226: Camunda's first-admin setup must never be reachable.
            .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll())
        // The webapps run Camunda's own session login and CSRF filter (WebappCsrfGuard first).
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .addFilterBefore(new ErrorPageGuard(), BasicAuthenticationFilter.class)
        .addFilterAfter(new WebappCsrfGuard(webapps, camunda.getWebapp().getCsrf().getEntryPoints()),
            ErrorPageGuard.class)
        .addFilterAfter(new VersionFreePages(webapps), WebappCsrfGuard.class)
        .addFilterAfter(new ExpressionGuard(), VersionFreePages.class)
        .addFilterAfter(new EngineWriteGuard(), ExpressionGuard.class);
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
      write(response, 401, "AuthenticationException",
          "Authentication required: send HTTP Basic credentials of a known user");
    };
  }

  private static AccessDeniedHandler forbidden() {
    return (request, response, exception) -> write(response, 403, "AuthorizationException",
        "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI());
  }

  private static void write(jakarta.servlet.http.HttpServletResponse response, int status, String type,
      String message) throws java.io.IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", type, "message", message)));
  }
}
