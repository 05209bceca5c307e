package bare;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bare engine secured as Camunda's documentation secures it, for the benchmark's second
 * yardstick ({@code --bare.rest-authentication=true}, with {@code camunda.bpm.authorization.enabled}):
 * Camunda's own authentication filter on the REST API, checking each request's HTTP Basic
 * credentials against the engine's users, so that authorization applies to every call.
 */
@Configuration
@ConditionalOnProperty(name = "bare.rest-authentication", havingValue = "true")
class RestApiAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
