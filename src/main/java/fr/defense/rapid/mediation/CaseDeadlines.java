package fr.defense.rapid.mediation;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The deadlines of a case still running, as its process holds them (the API and the portal show them). */
@Component
public class CaseDeadlines {

    /** The process variables that hold a case's deadlines, in the order a case meets them. */
    public static final List<String> NAMES =
            List.of("answerDueDate", "firstContactDueDate", "mediationDueDate", "surveyDueDate");

    private final RuntimeService runtime;

    CaseDeadlines(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Each deadline set for the case, by variable name; none once the case's process has ended. */
    public Map<String, Date> of(MediationCase found) {
        boolean running = runtime.createProcessInstanceQuery()
                        .processInstanceId(found.processInstanceId())
                        .count()
                > 0;
        if (!running) {
            return Map.of();
        }
        return runtime.getVariables(found.processInstanceId(), NAMES).entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Date)
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> (Date) entry.getValue(), (a, b) -> a, TreeMap::new));
    }
}
