package fr.defense.rapid.account;

import org.springframework.stereotype.Component;

/**
 * Who may see and act on a company: its ACTIVE users see it, its ACTIVE administrators act, and
 * only on their own company's users. Anyone else is refused before anything is written.
 */
@Component
class CompanyAccess {

    private final Companies companies;

    CompanyAccess(Companies companies) {
        this.companies = companies;
    }

    /** The signed-in user's row, if they are an ACTIVE user of a company. */
    Companies.Member member(String actorId) {
        return companies
                .member(actorId)
                .filter(member -> member.status() == Companies.Status.ACTIVE)
                .orElseThrow(CompanyRefusal::noCompany);
    }

    /** The administrator's row, their company locked until the transaction ends. */
    Companies.Member administrator(String actorId) {
        Companies.Member member = member(actorId);
        if (!member.activeAdministrator()) {
            throw CompanyRefusal.notAdministrator();
        }
        companies.lock(member.siren());
        return member;
    }

    /** A user of the administrator's company, locked; another company's user is « introuvable ». */
    Companies.Member target(Companies.Member administrator, String userId) {
        return companies
                .memberForUpdate(userId)
                .filter(member -> member.siren().equals(administrator.siren()))
                .orElseThrow(CompanyRefusal::unknownUser);
    }
}
