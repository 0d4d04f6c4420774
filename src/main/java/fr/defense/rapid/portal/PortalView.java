package fr.defense.rapid.portal;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

/** What every portal page's layout needs besides its own model: who is signed in (the header's menu). */
final class PortalView {

    private PortalView() {}

    static String render(Model model, Authentication user, String view) {
        model.addAttribute("userName", user == null ? null : user.getName());
        return view;
    }
}
