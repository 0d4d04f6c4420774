package fr.defense.rapid.account;

import org.springframework.stereotype.Component;

/** Whether the portal's menu shows « Mon entreprise » (the portal's layout asks, as {@code @companyMenu}). */
@Component
public class CompanyMenu {

    private final Companies companies;

    CompanyMenu(Companies companies) {
        this.companies = companies;
    }

    /** True for an ACTIVE user of a company. */
    public boolean shows(String userId) {
        return userId != null
                && companies
                        .member(userId)
                        .filter(member -> member.status() == Companies.Status.ACTIVE)
                        .isPresent();
    }
}
