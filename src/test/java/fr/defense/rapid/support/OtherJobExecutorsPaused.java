package fr.defense.rapid.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Process tests move the engine clock ({@code ClockUtil}), which is static: JVM-wide. While they
 * run, the job executor of the running application's engine (an {@code @AppTest} context Spring
 * keeps cached) would read that clock too and fire, or hold back, the timers of its own dossiers.
 * So it is paused for the whole test class and started again afterwards.
 */
public class OtherJobExecutorsPaused implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(OtherJobExecutorsPaused.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        List<JobExecutor> paused = new ArrayList<>();
        for (ProcessEngine engine : ProcessEngines.getProcessEngines().values()) {
            JobExecutor executor =
                    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
            if (executor != null && executor.isActive()) {
                executor.shutdown();
                paused.add(executor);
            }
        }
        context.getStore(NAMESPACE).put("paused", paused);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) {
        List<JobExecutor> paused = context.getStore(NAMESPACE).get("paused", List.class);
        if (paused != null) {
            paused.forEach(JobExecutor::start);
        }
    }
}
