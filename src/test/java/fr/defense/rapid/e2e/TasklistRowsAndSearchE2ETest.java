package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tasklist's list says which dossier each task is about, opens on the work of the user's groups,
 * and finds a dossier's task by its number or its company, typed in the search box.
 */
@Tag("browser")
@AppTest
class TasklistRowsAndSearchE2ETest {

    @RegisterExtension
    final TasklistBrowser browser = new TasklistBrowser();

    private TasklistPage tasklist;
    private Staff staff;

    @BeforeEach
    void openTasklist() {
        tasklist = browser.page();
        staff = browser.staff();
    }

    @Test
    void eachRowNamesItsDossierAndTheSearchFindsADossierByNumberOrCompany() {
        ProcessInstance small = staff.dossierAwaitingEvaluation(SampleDossiers.smallCompany());
        ProcessInstance medium = staff.dossierAwaitingEvaluation(SampleDossiers.mediumCompany());
        Task smallTask = staff.awaitTask(small, "TechnicalEvaluation");
        Task mediumTask = staff.awaitTask(medium, "TechnicalEvaluation");

        tasklist.logIn("expert", "expert");
        // The work of the expert's group first, where Tasklist opens; overdue work has its own filter.
        assertThat(tasklist.filterNames()).containsExactly("Tâches de mes groupes", "Mes tâches", "En retard");
        assertThat(tasklist.activeFilter()).isEqualTo("Tâches de mes groupes");

        // Each row: the task, its dossier's number and company, and the deadline.
        assertThat(tasklist.rowText(smallTask.getId()))
                .contains(
                        "Évaluation technique — " + small.getBusinessKey() + " — Optronique du Lac",
                        "Échéance dans 21 jours");
        assertThat(tasklist.rowText(mediumTask.getId()))
                .contains(medium.getBusinessKey(), "Armor Composites")
                .doesNotContain("Created", "Due");
        browser.screenshot("tasklist-rows");

        // Typing a dossier number finds that dossier's task, and only it.
        assertThat(tasklist.search(small.getBusinessKey())).containsExactly(smallTask.getId());
        browser.screenshot("tasklist-search-by-number");
    }

    @Test
    void theSearchFindsADossierByItsCompany() {
        ProcessInstance small = staff.dossierAwaitingEvaluation(SampleDossiers.smallCompany());
        ProcessInstance medium = staff.dossierAwaitingEvaluation(SampleDossiers.mediumCompany());
        Task smallTask = staff.awaitTask(small, "TechnicalEvaluation");
        Task mediumTask = staff.awaitTask(medium, "TechnicalEvaluation");

        tasklist.logIn("expert", "expert");
        assertThat(tasklist.search("Armor Composites"))
                .contains(mediumTask.getId())
                .doesNotContain(smallTask.getId());
    }
}
