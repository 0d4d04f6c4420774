package fr.defense.rapid.account;

import fr.defense.rapid.notification.AccountMails;
import fr.defense.rapid.security.Groups;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a company's administrator does to its users besides inviting them: accept or refuse a
 * request to join, remove a user. A removed user leaves the group {@code sme} (no portal, no API)
 * and their sessions end; their row stays, REMOVED, because the dossiers they filed keep belonging
 * to the company.
 */
@Service
class CompanyAdministration {

    private final IdentityService identity;
    private final Companies companies;
    private final CompanyAccess access;
    private final NewAccounts accounts;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountAudit audit;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    CompanyAdministration(
            IdentityService identity,
            Companies companies,
            CompanyAccess access,
            NewAccounts accounts,
            AccountTokens tokens,
            AccountMails mails,
            AccountAudit audit,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.identity = identity;
        this.companies = companies;
        this.access = access;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** Accepts a request to join: the requester becomes an ACTIVE MEMBER, in {@code sme}, and is told by mail. */
    @Transactional
    String accept(String actorId, String userId) {
        Companies.Member requester = awaiting(actorId, userId);
        identity.createMembership(userId, Groups.SME);
        companies.activate(userId);
        audit.record(
                AccountEventKind.ACCEPTANCE, userId, actorId, "Demande acceptée : entreprise " + requester.siren());
        String name = accounts.displayName(userId);
        mails.send(AccountMails.AccountMail.ACCOUNT_JOIN_ACCEPTED, requester.email(), mailModel(requester, name));
        return name;
    }

    /**
     * Refuses a request to join: the request is closed (REMOVED) and its account, which never
     * opened anything, deleted, so that the address may be used again; the requester is told by mail.
     */
    @Transactional
    String refuse(String actorId, String userId) {
        Companies.Member requester = awaiting(actorId, userId);
        String name = accounts.displayName(userId);
        companies.setStatus(userId, Companies.Status.REMOVED);
        identity.deleteUser(userId);
        audit.record(AccountEventKind.REMOVAL, userId, actorId, "Demande refusée : entreprise " + requester.siren());
        mails.send(AccountMails.AccountMail.ACCOUNT_JOIN_REFUSED, requester.email(), mailModel(requester, name));
        return name;
    }

    /**
     * Removes a user (or cancels an invitation). The last ACTIVE administrator cannot remove
     * himself: the company would have nobody to manage it.
     */
    @Transactional
    String remove(String actorId, String userId) {
        Companies.Member administrator = access.administrator(actorId);
        Companies.Member target = access.target(administrator, userId);
        if (target.status() != Companies.Status.ACTIVE && target.status() != Companies.Status.INVITED) {
            throw CompanyRefusal.alreadyHandled();
        }
        if (target.activeAdministrator()
                && companies.members(target.siren()).stream()
                                .filter(Companies.Member::activeAdministrator)
                                .count()
                        <= 1) {
            throw new CompanyRefusal(
                    HttpStatus.CONFLICT,
                    "Retrait impossible",
                    "Vous êtes le seul administrateur du compte de l'entreprise : il ne peut pas être retiré. "
                            + "Rien n'a été modifié.");
        }
        String name = target.status() == Companies.Status.INVITED ? target.email() : accounts.displayName(userId);
        companies.setStatus(userId, Companies.Status.REMOVED);
        if (target.status() == Companies.Status.INVITED) {
            tokens.revoke(AccountTokens.Purpose.INVITATION, userId);
        } else {
            identity.deleteMembership(userId, Groups.SME);
            endSessionsAfterCommit(userId);
        }
        audit.record(
                AccountEventKind.REMOVAL,
                userId,
                actorId,
                (target.status() == Companies.Status.INVITED ? "Invitation annulée : " : "Retrait : ") + target.email()
                        + ", entreprise " + target.siren());
        return name;
    }

    private Companies.Member awaiting(String actorId, String userId) {
        Companies.Member requester = access.target(access.administrator(actorId), userId);
        if (requester.status() != Companies.Status.AWAITING_APPROVAL) {
            throw CompanyRefusal.alreadyHandled();
        }
        return requester;
    }

    private Map<String, Object> mailModel(Companies.Member requester, String name) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contactName", name);
        model.put("companyName", companies.name(requester.siren()));
        model.put("companySiren", requester.siren());
        model.put("userId", requester.userId());
        model.put("link", mails.portalUrl() + "/login");
        return model;
    }

    /** A signed-in removed user keeps no session: their group was read at sign-in. */
    private void endSessionsAfterCommit(String userId) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                repository.findByPrincipalName(userId).keySet().forEach(repository::deleteById);
            }
        });
    }
}
