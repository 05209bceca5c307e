package org.opencsc.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Makes {@link CaseHistoryLevel} one the engine can be set to, by name, like its own levels. */
@Component
public class CaseHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EnginePlugins.append(configuration.getCustomHistoryLevels(), configuration::setCustomHistoryLevels,
        new CaseHistoryLevel());
  }
}
