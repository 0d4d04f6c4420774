package fr.defense.rapid.account;

import fr.defense.rapid.system.EngineClock;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The company's page on the portal: its users with their role and status, for every ACTIVE user of
 * the company; the administrator also invites, accepts or refuses requests, and removes users.
 * Each action answers with the page again (post, redirect, get) and a notice saying what was done.
 */
@Controller
class CompanyPages {

    static final String PAGE = "/portail/entreprise";

    private static final Logger log = LoggerFactory.getLogger(CompanyPages.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** One user as the page lists them. */
    record Row(
            String userId,
            String name,
            String email,
            String role,
            String status,
            String badge,
            String since,
            boolean removable,
            boolean awaiting,
            boolean invited) {}

    private final Companies companies;
    private final CompanyAccess access;
    private final NewAccounts accounts;
    private final Invitations invitations;
    private final CompanyAdministration administration;
    private final AccountSettings settings;

    CompanyPages(
            Companies companies,
            CompanyAccess access,
            NewAccounts accounts,
            Invitations invitations,
            CompanyAdministration administration,
            AccountSettings settings) {
        this.companies = companies;
        this.access = access;
        this.accounts = accounts;
        this.invitations = invitations;
        this.administration = administration;
        this.settings = settings;
    }

    @GetMapping(PAGE)
    String page(Authentication user, Model model) {
        return render(user, model, "", Map.of());
    }

    @PostMapping(PAGE + "/invitations")
    String invite(
            @RequestParam(name = "email", required = false) String email,
            Authentication user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Invitations.Sent sent = invitations.invite(user.getName(), email);
        if (!sent.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return render(user, model, email == null ? "" : email, sent.errors());
        }
        return done(
                redirect,
                "Invitation envoyée à " + email.strip() + " : le lien qu'elle contient permet de créer le compte "
                        + sent.userId() + ".");
    }

    @PostMapping(PAGE + "/demandes/{userId}/acceptation")
    String accept(@PathVariable String userId, Authentication user, RedirectAttributes redirect) {
        String name = administration.accept(user.getName(), userId);
        return done(redirect, "Demande acceptée : " + name + " a désormais accès à l'espace entreprises.");
    }

    @PostMapping(PAGE + "/demandes/{userId}/refus")
    String refuse(@PathVariable String userId, Authentication user, RedirectAttributes redirect) {
        String name = administration.refuse(user.getName(), userId);
        return done(redirect, "Demande refusée : " + name + " en est informé(e) par courriel.");
    }

    /** Asks before removing: one click in the table must not end a colleague's access. */
    @GetMapping(PAGE + "/utilisateurs/{userId}/retrait")
    String confirmRemoval(@PathVariable String userId, Authentication user, Model model) {
        Companies.Member administrator = access.member(user.getName());
        if (!administrator.activeAdministrator()) {
            throw CompanyRefusal.notAdministrator();
        }
        Companies.Member target = companies
                .member(userId)
                .filter(member -> member.siren().equals(administrator.siren()))
                .orElseThrow(CompanyRefusal::unknownUser);
        Row row = row(target, true, administrator.userId());
        if (!row.removable()) {
            throw CompanyRefusal.alreadyHandled();
        }
        model.addAttribute("userName", user.getName());
        model.addAttribute("row", row);
        return "portal/company-removal";
    }

    @PostMapping(PAGE + "/utilisateurs/{userId}/retrait")
    String remove(@PathVariable String userId, Authentication user, RedirectAttributes redirect) {
        String name = administration.remove(user.getName(), userId);
        return done(
                redirect,
                name + " est retiré(e) du compte de l'entreprise : ce compte n'ouvre plus l'espace "
                        + "entreprises. Les dossiers déjà déposés restent ceux de l'entreprise.");
    }

    @ExceptionHandler(CompanyRefusal.class)
    String refused(CompanyRefusal refusal, Authentication user, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        return message(user, model, refusal.title(), refusal.getMessage());
    }

    @ExceptionHandler(MailException.class)
    String mailFailed(MailException e, Authentication user, Model model, HttpServletResponse response) {
        log.warn("Company action rolled back: its mail was not accepted ({})", e.getMessage());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        return message(
                user,
                model,
                "Action non enregistrée",
                "Le courriel n'a pas pu être envoyé : rien n'a été modifié. Réessayez dans quelques minutes.");
    }

    private String render(Authentication user, Model model, String email, Map<String, String> errors) {
        Companies.Member me = access.member(user.getName());
        boolean administrator = me.activeAdministrator();
        List<Row> rows = companies.members(me.siren()).stream()
                .map(member -> row(member, administrator, me.userId()))
                .toList();
        model.addAttribute("userName", user.getName());
        model.addAttribute("companyName", companies.name(me.siren()));
        model.addAttribute("companySiren", me.siren());
        model.addAttribute("administrator", administrator);
        model.addAttribute("rows", rows.stream().filter(row -> !row.awaiting()).toList());
        model.addAttribute("requests", rows.stream().filter(Row::awaiting).toList());
        model.addAttribute("email", email);
        model.addAttribute("invitationValidity", validity(settings.invitationValidity()));
        model.addAttribute("errors", errors);
        return "portal/company";
    }

    private Row row(Companies.Member member, boolean administrator, String me) {
        String name = accounts.displayName(member.userId());
        String[] status = switch (member.status()) {
            case UNCONFIRMED -> new String[] {"Adresse non confirmée", "warning"};
            case AWAITING_APPROVAL -> new String[] {"Demande à examiner", "warning"};
            case INVITED -> new String[] {"Invitation envoyée", "info"};
            case ACTIVE -> new String[] {"Actif", "success"};
            case REMOVED -> new String[] {"Retiré", "closed"};
        };
        boolean live = member.status() == Companies.Status.ACTIVE || member.status() == Companies.Status.INVITED;
        return new Row(
                member.userId(),
                name == null ? "—" : (member.userId().equals(me) ? name + " (vous)" : name),
                member.email(),
                member.role() == Companies.Role.ADMINISTRATOR ? "Administrateur" : "Membre",
                status[0],
                status[1],
                DAY.format(member.createdAt().atZoneSameInstant(EngineClock.PARIS)),
                administrator && live && !member.userId().equals(me),
                member.status() == Companies.Status.AWAITING_APPROVAL,
                member.status() == Companies.Status.INVITED);
    }

    /** « 7 jours », « 12 heures »: how long an invitation's link works, as the page says it. */
    static String validity(Duration duration) {
        long days = duration.toDays();
        if (days >= 1 && duration.equals(Duration.ofDays(days))) {
            return days + (days == 1 ? " jour" : " jours");
        }
        long hours = Math.max(1, duration.toHours());
        return hours + (hours == 1 ? " heure" : " heures");
    }

    private static String done(RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + PAGE;
    }

    private static String message(Authentication user, Model model, String title, String text) {
        model.addAttribute("userName", user == null ? null : user.getName());
        model.addAttribute("title", title);
        model.addAttribute("message", text);
        return "portal/message";
    }
}
