package org.opencsc.security;

import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.stereotype.Component;

/**
 * Gives the engine our password policy ({@link NcscPasswordPolicy}; it applies when the generic
 * property {@code enable-password-policy} is true, as application.yml sets it), and has a refused
 * password say which rules it broke ({@link PasswordRefused}, 400) instead of the engine's bare
 * "Password does not match policy" (500 on the REST API).
 */
@Component
public class PasswordPolicyPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordPolicy(new NcscPasswordPolicy());
    configuration.setIdentityService(new RefusalsNamed());
  }

  /**
   * Camunda's identity service. When a user is saved with a new password, the engine asks this
   * service to check it against the policy, inside the save's command; a password that fails is
   * refused there, naming the broken rules, before the engine would refuse it unnamed. A check
   * asked for by anyone else (the REST check endpoint, Admin's hints) gets its result as usual.
   */
  static class RefusalsNamed extends IdentityServiceImpl {

    @Override
    public PasswordPolicyResult checkPasswordAgainstPolicy(String password, User user) {
      PasswordPolicyResult result = super.checkPasswordAgainstPolicy(password, user);
      CommandInvocationContext command = Context.getCommandInvocationContext();
      if (!result.isValid() && command != null && command.getCommand() instanceof SaveUserCmd) {
        throw new PasswordRefused(result.getViolatedRules());
      }
      return result;
    }
  }
}
