package org.passerelle.admin.web;

import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.Team;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every admin page shows in its bar: who is signed in. */
@ControllerAdvice(annotations = AdminPage.class)
class AdminPageModel {

    private final Team team;

    AdminPageModel(Team team) {
        this.team = team;
    }

    @ModelAttribute("me")
    String me(Authentication caller) {
        if (caller == null) {
            return "";
        }
        return team.find(caller.getName()).map(StaffAccount::displayName).orElse(caller.getName());
    }
}
