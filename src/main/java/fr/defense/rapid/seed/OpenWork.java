package fr.defense.rapid.seed;

import fr.defense.rapid.seed.DossierLives.OpenStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dossiers and cases waiting now, started by the engine itself at their waiting step
 * ({@code startBeforeActivity}), on the engine clock set to the moment they reached it: the step's
 * listeners record the stage, the task gets its candidate group, its name, its due date and its
 * timers exactly as in production. A mediation case also gets the SME's withdrawal task, as the
 * model's parallel gateway gives it.
 */
final class OpenWork {

    private static final Logger log = LoggerFactory.getLogger(OpenWork.class);

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;

    OpenWork(RuntimeService runtime, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    void start(List<OpenStep> steps) {
        List<OpenStep> inOrder = new ArrayList<>(steps);
        inOrder.sort(Comparator.comparing(OpenStep::since));
        List<Object[]> dossiers = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        try {
            int done = 0;
            for (OpenStep step : inOrder) {
                ClockUtil.setCurrentTime(Date.from(step.since()));
                boolean dossier = step.reference().startsWith("RAPID-");
                ProcessInstantiationBuilder start = runtime.createProcessInstanceByKey(
                                dossier ? "rapid-subsidy" : "mediation-escalation")
                        .businessKey(step.reference())
                        .setVariables(step.variables());
                if ("AwaitContest".equals(step.activityId())) {
                    // The rejection letter is sent: its token waits at the join for the contest's.
                    start.startBeforeActivity("AwaitContest").startBeforeActivity("RejectionSettled");
                } else if (dossier) {
                    start.startBeforeActivity(step.activityId());
                } else if ("QualifyRequest".equals(step.activityId())) {
                    // The gateway opens the qualification and the SME's withdrawal together.
                    start.startBeforeActivity("OfferWithdrawal");
                } else {
                    start.startBeforeActivity(step.activityId()).startBeforeActivity("WithdrawCase");
                }
                String instanceId = start.execute().getId();
                (dossier ? dossiers : cases).add(new Object[] {instanceId, step.reference()});
                if (++done % 1_000 == 0) {
                    log.info("Seed: {} of {} open dossiers and cases started", done, inOrder.size());
                }
            }
        } finally {
            ClockUtil.reset();
        }
        jdbc.batchUpdate("update dossier set process_instance_id = ? where dossier_number = ?", dossiers);
        jdbc.batchUpdate("update mediation_case set process_instance_id = ? where case_number = ?", cases);
    }
}
