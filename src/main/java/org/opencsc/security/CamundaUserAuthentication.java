package org.opencsc.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's users, the same accounts Tasklist logs in with.
 * Camunda's login throttling applies: after a failed attempt the user must wait before the
 * right password is accepted again.
 *
 * <p>Other systems send their credentials with every request, and checking them costs three
 * engine queries (password, groups, tenants). A user name and password that passed are therefore
 * remembered for {@code opencsc.security.api-login-cache} (default 60 s; 0 turns it off) on this
 * node, with the user's groups and tenants; only a salted digest of them is kept, never the
 * password. A wrong password is never remembered and always reaches the engine. A changed
 * password, group membership or removed account takes effect on API calls within that time.
 */
@Component
public class CamundaUserAuthentication implements AuthenticationProvider {

  /** Past this many remembered logins, expired ones are dropped (and all of them if none had expired). */
  static final int MAX_REMEMBERED = 10_000;

  private final IdentityService identity;
  private final long rememberNanos;
  private final LongSupplier nanoTime;
  private final byte[] salt = new byte[16];
  private final Map<String, CamundaUser> remembered = new ConcurrentHashMap<>();

  @Autowired
  public CamundaUserAuthentication(IdentityService identity,
      @Value("${opencsc.security.api-login-cache:60s}") Duration remember) {
    this(identity, remember, System::nanoTime);
  }

  CamundaUserAuthentication(IdentityService identity, Duration remember, LongSupplier nanoTime) {
    if (remember.isNegative()) {
      throw new IllegalArgumentException("opencsc.security.api-login-cache must not be negative: " + remember);
    }
    this.identity = identity;
    this.rememberNanos = remember.toNanos();
    this.nanoTime = nanoTime;
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    String key = digest(userId, password);
    CamundaUser known = remembered.get(key);
    long now = nanoTime.getAsLong();
    if (known != null && now - known.verifiedAt < rememberNanos) {
      return known.copy(); // each request its own token: Spring Security adds the request's details
    }
    if (!identity.checkPassword(userId, password)) {
      remembered.remove(key);
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    CamundaUser user = new CamundaUser(userId,
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList(),
        now);
    if (rememberNanos > 0) {
      if (remembered.size() >= MAX_REMEMBERED) {
        remembered.values().removeIf(old -> now - old.verifiedAt >= rememberNanos);
        if (remembered.size() >= MAX_REMEMBERED) {
          remembered.clear();
        }
      }
      remembered.put(key, user);
    }
    return user.copy();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private String digest(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A checked Camunda user: groups as authorities, and the tenants the engine needs for its checks. */
  static final class CamundaUser extends UsernamePasswordAuthenticationToken {

    private static final long serialVersionUID = 1L;
    private final List<String> tenants;
    private final transient long verifiedAt;

    CamundaUser(String userId, List<String> groups, List<String> tenants, long verifiedAt) {
      this(userId, groups.stream().map(SimpleGrantedAuthority::new).toList(), tenants, verifiedAt);
    }

    private CamundaUser(String userId, Collection<? extends GrantedAuthority> groups, List<String> tenants,
        long verifiedAt) {
      super(userId, null, groups);
      this.tenants = List.copyOf(tenants);
      this.verifiedAt = verifiedAt;
    }

    CamundaUser copy() {
      return new CamundaUser(getName(), getAuthorities(), tenants, verifiedAt);
    }

    List<String> tenants() {
      return tenants;
    }
  }
}
