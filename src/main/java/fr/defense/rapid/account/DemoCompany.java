package fr.defense.rapid.account;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: the demo SME user {@code pme-demo} (Claire Martin) is the ACTIVE administrator
 * of her company, Optronique du Lac (the SIREN of the demo's small-company dossiers), so that the
 * company page can be tried at once. Idempotent: an existing row is left as it is.
 */
@Component
@Profile("demo")
class DemoCompany {

    static final String SIREN = "732829320";
    static final String USER = "pme-demo";

    private final Companies companies;

    DemoCompany(Companies companies) {
        this.companies = companies;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void create() {
        if (!companies.exists(SIREN)) {
            companies.create(SIREN, "Optronique du Lac");
        }
        if (companies.member(USER).isEmpty()) {
            companies.addMember(
                    USER,
                    SIREN,
                    Companies.Role.ADMINISTRATOR,
                    Companies.Status.ACTIVE,
                    "claire.martin@optronique-du-lac.example");
        }
    }
}
