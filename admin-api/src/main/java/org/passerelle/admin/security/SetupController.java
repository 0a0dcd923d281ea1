package org.passerelle.admin.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.passerelle.admin.audit.StaffAudit;
import org.passerelle.core.handoff.SetupLinks;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page of the one-time setup link: a form for the first admin's username, display name and
 * password (twice). A wrong token is a 404, a used or expired one (or any token once an account
 * exists) a 410, too many wrong tokens a 429; each with a page that says so plainly.
 */
@Controller
class SetupController {

    private static final Logger log = LoggerFactory.getLogger(SetupController.class);

    private final Team team;
    private final SetupLinks links;
    private final PasswordEncoder encoder;
    private final StaffAudit audit;

    SetupController(Team team, SetupLinks links, PasswordEncoder encoder, StaffAudit audit) {
        this.team = team;
        this.links = links;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** What the form sends; the passwords never appear in {@link #toString()}. */
    record SetupForm(String username, String displayName, String password, String confirmation) {

        static SetupForm empty() {
            return new SetupForm("", "", "", "");
        }

        @Override
        public String toString() {
            return "SetupForm[username=" + username + "]";
        }
    }

    @GetMapping("/setup/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        var refusal = refusal(token, response, model);
        if (refusal != null) {
            return refusal;
        }
        model.addAttribute("token", token);
        model.addAttribute("form", SetupForm.empty());
        model.addAttribute("errors", Map.of());
        return "setup";
    }

    @PostMapping("/setup/{token}")
    String create(@PathVariable String token, @ModelAttribute SetupForm form, Model model,
            HttpServletResponse response) {
        var refusal = refusal(token, response, model);
        if (refusal != null) {
            return refusal;
        }
        var username = form.username() == null ? "" : form.username().strip().toLowerCase(Locale.ROOT);
        var errors = problems(username, form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("form", new SetupForm(username, form.displayName(), "", ""));
            model.addAttribute("errors", errors);
            return "setup";
        }
        var admin = new StaffAccount(username, form.displayName(), StaffRole.ADMIN,
                encoder.encode(form.password()), Set.of(), Set.of());
        // Used first, so that two forms sent at once cannot both go on.
        if (!links.consume(token) || !team.createFirst(admin)) {
            return gone(response, model, "used");
        }
        log.info("first admin account '{}' created through the setup link", username);
        audit.firstAdminCreated(username);
        model.addAttribute("username", username);
        return "setup-done";
    }

    /** The refusal page for a token that cannot be used, or null when it can. */
    private String refusal(String token, HttpServletResponse response, Model model) {
        if (!team.isEmpty()) {
            links.revoke();
            return gone(response, model, "exists");
        }
        return switch (links.check(token)) {
            case VALID -> null;
            case GONE -> gone(response, model, "used");
            case WRONG -> refused(response, model, HttpStatus.NOT_FOUND, "wrong");
            case THROTTLED -> refused(response, model, HttpStatus.TOO_MANY_REQUESTS, "throttled");
        };
    }

    private static String gone(HttpServletResponse response, Model model, String reason) {
        return refused(response, model, HttpStatus.GONE, reason);
    }

    private static String refused(HttpServletResponse response, Model model, HttpStatus status, String reason) {
        response.setStatus(status.value());
        model.addAttribute("reason", reason);
        return "setup-gone";
    }

    /** The refused fields and the message key of each. */
    static Map<String, String> problems(String username, SetupForm form) {
        var errors = new LinkedHashMap<String, String>();
        if (!StaffAccount.validUsername(username)) {
            errors.put("username", "team.error.username");
        }
        var name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty()) {
            errors.put("displayName", "team.error.displayName.required");
        } else if (name.codePointCount(0, name.length()) > StaffAccount.MAX_DISPLAY_NAME_LENGTH
                || name.codePoints().anyMatch(Character::isISOControl)) {
            errors.put("displayName", "team.error.displayName.invalid");
        }
        PasswordPolicy.problem(username, form.password())
                .ifPresent(problem -> errors.put("password", problem.messageKey()));
        if (form.password() != null && !form.password().equals(form.confirmation())) {
            errors.put("confirmation", "setup.error.confirmation");
        }
        return errors;
    }
}
