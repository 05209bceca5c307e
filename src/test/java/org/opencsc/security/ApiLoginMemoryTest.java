package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsc.ApplicationTest;
import org.opencsc.rules.Groups;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * API callers' logins are remembered for a short time so each request does not cost three engine
 * queries; a wrong password never is, and a changed password takes effect when the time is up.
 */
class ApiLoginMemoryTest extends ApplicationTest {

  private static final Duration REMEMBER = Duration.ofSeconds(60);
  private final AtomicLong nanos = new AtomicLong();

  @AfterEach
  void removeUsers() {
    IdentityService identity = engine.getIdentityService();
    identity.createUserQuery().userIdIn("remembered", "forgotten", "guessed").list()
        .forEach(user -> identity.deleteUser(user.getId()));
  }

  @Test
  void aChangedPasswordTakesEffectWhenTheRememberedLoginExpires() {
    CamundaUserAuthentication logins = logins(REMEMBER);
    user("remembered", "first-Pass-1");
    Authentication first = logins.authenticate(credentials("remembered", "first-Pass-1"));
    assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly(Groups.SOCIAL_WORKERS);
    assertThat(((CamundaUserAuthentication.CamundaUser) first).tenants()).isEmpty();

    changePassword("remembered", "second-Pass-2");
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(logins.authenticate(credentials("remembered", "first-Pass-1")).getName())
        .as("remembered for 60 s").isEqualTo("remembered");
    assertThat(logins.authenticate(credentials("remembered", "second-Pass-2")).getName()).isEqualTo("remembered");

    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThatThrownBy(() -> logins.authenticate(credentials("remembered", "first-Pass-1")))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void withoutMemoryAChangedPasswordTakesEffectAtOnce() {
    CamundaUserAuthentication logins = logins(Duration.ZERO);
    user("forgotten", "first-Pass-1");
    logins.authenticate(credentials("forgotten", "first-Pass-1"));
    changePassword("forgotten", "second-Pass-2");
    assertThatThrownBy(() -> logins.authenticate(credentials("forgotten", "first-Pass-1")))
        .isInstanceOf(BadCredentialsException.class);
  }

  @Test
  void aWrongPasswordIsAlwaysCheckedByTheEngineAndEachRequestGetsItsOwnToken() {
    CamundaUserAuthentication logins = logins(REMEMBER);
    user("guessed", "right-Pass-1");
    Authentication one = logins.authenticate(credentials("guessed", "right-Pass-1"));
    Authentication two = logins.authenticate(credentials("guessed", "right-Pass-1"));
    assertThat(two).isNotSameAs(one);
    assertThatThrownBy(() -> logins.authenticate(credentials("guessed", "right-Pass-2")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> logins.authenticate(credentials("someone-else", "right-Pass-1")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(engine.getIdentityService().createUserQuery().userId("guessed").singleResult())
        .extracting("attempts").as("the engine counted the wrong password").isEqualTo(1);
  }

  @Test
  void aNegativeTimeIsRefused() {
    assertThatThrownBy(() -> logins(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opencsc.security.api-login-cache");
  }

  private CamundaUserAuthentication logins(Duration remember) {
    return new CamundaUserAuthentication(engine.getIdentityService(), remember, nanos::get);
  }

  private void user(String id, String password) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(id);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(id, Groups.SOCIAL_WORKERS);
  }

  private void changePassword(String id, String password) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(id).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }

  private static UsernamePasswordAuthenticationToken credentials(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }
}
