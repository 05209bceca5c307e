package org.opencsc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.opencsc.Api;
import org.opencsc.Api.Reply;
import org.opencsc.ApplicationTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Passwords follow the NCSC's guidance wherever they are set (issue 21): at least 12 characters of
 * any kind, no common password, not the user's own id or name. A refusal is 400 naming what is
 * wrong, and the old password stays.
 */
class PasswordPolicyTest extends ApplicationTest {

  private static final String FIRST_PASSWORD = "lantern orchard quietly";
  private static final String GOOD_PASSPHRASE = "kettle marmalade lighthouse";

  @Test
  void aOneCharacterPasswordIsRefusedWith400AndTheOldPasswordStays() {
    User casey = user("caseyshort", "Casey", "Marlow");
    Stored before = stored(casey.getId());

    Reply reply = changeOwnPassword(casey.getId(), FIRST_PASSWORD, "a");

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("type").asText()).isEqualTo("PasswordRefused");
    assertThat(reply.message()).contains("it has fewer than 12 characters").contains("Nothing was changed");
    assertUnchanged(casey.getId(), before);
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCaseAndTheDigitsAndSymbolsAroundThem() {
    User robin = user("robincommon", "Robin", "Ashby");
    Stored before = stored(robin.getId());

    for (String common : new String[] {"Password2024!", "socialworker", "CHILDREN12345", "Social-Worker 2025",
        "qwertyuiop12", "P@ssw0rd12345"}) {
      Reply reply = changeOwnPassword(robin.getId(), FIRST_PASSWORD, common);
      assertThat(reply.status()).as(common + ": " + reply.body()).isEqualTo(400);
      assertThat(reply.message()).as(common).contains("it is a commonly used password")
          .doesNotContain("fewer than");
    }
    assertUnchanged(robin.getId(), before);
  }

  @Test
  void aPasswordContainingTheUsersIdOrNameIsRefused() {
    User jordan = user("jordannamed", "Jordan", "Pembridge");
    Stored before = stored(jordan.getId());

    for (String named : new String[] {"pembridge lantern kettle", "my name is JORDAN really", "jordannamed and more"}) {
      Reply reply = changeOwnPassword(jordan.getId(), FIRST_PASSWORD, named);
      assertThat(reply.status()).as(named + ": " + reply.body()).isEqualTo(400);
      assertThat(reply.message()).as(named).contains("it contains the user's id, first name, last name");
    }
    assertUnchanged(jordan.getId(), before);
  }

  @Test
  void aLongPassphraseWithoutDigitsCapitalsOrSymbolsIsAccepted() {
    User alexis = user("alexisgood", "Alexis", "Hartley");

    Reply reply = changeOwnPassword(alexis.getId(), FIRST_PASSWORD, GOOD_PASSPHRASE);

    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(engine.getIdentityService().checkPassword(alexis.getId(), GOOD_PASSPHRASE)).isTrue();
    assertThat(profile(alexis.getId(), GOOD_PASSPHRASE).status()).isEqualTo(200);

    // No maximum a user would meet: 128 characters are as welcome as 12.
    String longest = "mossy gatepost ".repeat(9).substring(0, 128);
    Reply longer = changeOwnPassword(alexis.getId(), GOOD_PASSPHRASE, longest);
    assertThat(longer.status()).as(longer.body()).isEqualTo(204);
    assertThat(engine.getIdentityService().checkPassword(alexis.getId(), longest)).isTrue();
  }

  @Test
  void anAdministratorCannotCreateAUserWithAWeakPassword() {
    Reply weak = api.post("/engine-rest/user/create", "admin", Map.of(
        "profile", Map.of("id", "skyweak", "firstName", "Sky", "lastName", "Weston"),
        "credentials", Map.of("password", "123456")));

    assertThat(weak.status()).as(weak.body()).isEqualTo(400);
    assertThat(weak.message()).contains("it has fewer than 12 characters", "it is a commonly used password");
    assertThat(engine.getIdentityService().createUserQuery().userId("skyweak").count()).isZero();

    Reply good = api.post("/engine-rest/user/create", "admin", Map.of(
        "profile", Map.of("id", "skygood", "firstName", "Sky", "lastName", "Weston"),
        "credentials", Map.of("password", GOOD_PASSPHRASE)));
    assertThat(good.status()).as(good.body()).isEqualTo(204);
    assertThat(engine.getIdentityService().checkPassword("skygood", GOOD_PASSPHRASE)).isTrue();
  }

  @Test
  void adminInTheWebappIsRefusedTheSameWay() {
    User morgan = user("morganwebapp", "Morgan", "Kells");
    Stored before = stored(morgan.getId());
    Api.WebappLogin login = api.webappLogin("admin", "admin");
    assertThat(login.reply().status()).as(login.reply().body()).isEqualTo(200);
    Reply page = api.send(api.request("/camunda/api/admin/auth/user/default", null)
        .header("Cookie", "JSESSIONID=" + login.session()));
    String token = page.cookie("XSRF-TOKEN");

    Reply reply = api.send(api.request("/camunda/api/engine/engine/default/user/" + morgan.getId() + "/credentials", null)
        .header("Cookie", "JSESSIONID=" + login.session() + "; XSRF-TOKEN=" + token)
        .header("X-XSRF-TOKEN", token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(
            "{\"password\": \"monkey\", \"authenticatedUserPassword\": \"" + DemoUsers.PASSWORD + "\"}")));

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.message()).contains("it has fewer than 12 characters", "it is a commonly used password");
    assertUnchanged(morgan.getId(), before);
  }

  @Test
  void thePolicyEndpointListsTheRulesAndChecksAPasswordWithoutRefusingIt() {
    Reply policy = api.get("/engine-rest/identity/password-policy", "sarah");

    assertThat(policy.status()).as(policy.body()).isEqualTo(200);
    JsonNode rules = policy.json().get("rules");
    assertThat(rules).extracting(rule -> rule.get("placeholder").asText())
        .containsExactly("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_COMMON", "PASSWORD_POLICY_USER_DATA");
    assertThat(rules.get(0).get("parameter").get("minLength").asText()).isEqualTo("12");

    // Admin asks this as someone types: an answer, not a refusal.
    Reply check = api.post("/engine-rest/identity/password-policy", "sarah", Map.of("password", "Password2024!",
        "profile", Map.of("id", "sarah", "firstName", "Sarah", "lastName", "Social Worker")));
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().get("valid").asBoolean()).isFalse();
    assertThat(check.json().get("rules")).filteredOn(rule -> !rule.get("valid").asBoolean())
        .extracting(rule -> rule.get("placeholder").asText()).containsExactly("PASSWORD_POLICY_COMMON");
  }

  /** A user made as an administrator would, with a password that follows the policy. */
  private User user(String id, String firstName, String lastName) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setPassword(FIRST_PASSWORD);
    identity.saveUser(user);
    return user;
  }

  /** The user changes their own password through the REST API, as Tasklist's profile page does. */
  private Reply changeOwnPassword(String userId, String current, String wanted) {
    return api.send(api.request("/engine-rest/user/" + userId + "/credentials", null)
        .header("Authorization", Api.basic(userId, current)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(Map.of("password", wanted, "authenticatedUserPassword", current)))));
  }

  private Reply profile(String userId, String password) {
    return api.send(api.request("/engine-rest/user/" + userId + "/profile", null)
        .header("Authorization", Api.basic(userId, password)).GET());
  }

  private record Stored(String hash, String salt) {
  }

  private Stored stored(String userId) {
    UserEntity user = (UserEntity) engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    return new Stored(user.getPassword(), user.getSalt());
  }

  /** The stored password is the one before, and it still logs in. */
  private void assertUnchanged(String userId, Stored before) {
    assertThat(stored(userId)).as("the stored password").isEqualTo(before);
    assertThat(engine.getIdentityService().checkPassword(userId, FIRST_PASSWORD)).isTrue();
  }

  private static String json(Map<String, String> body) {
    try {
      return new ObjectMapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
