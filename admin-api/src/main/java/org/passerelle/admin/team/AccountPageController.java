package org.passerelle.admin.team;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.LastAdminException;
import org.passerelle.core.handoff.SignInAttempts;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.Team;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One account's page for admins: change the profile, set a new password (which also unlocks
 * the account), unlock it, or delete it after ticking a confirmation. The last admin can be
 * neither removed nor made a mediator; the page says why. An unknown username is a 404.
 */
@Controller
@AdminPage
@RequestMapping("/admin/team/accounts/{username}")
class AccountPageController {

    private static final String VIEW = "admin/team/account";

    private final Team team;
    private final SignInAttempts attempts;
    private final PasswordEncoder encoder;

    AccountPageController(Team team, SignInAttempts attempts, PasswordEncoder encoder) {
        this.team = team;
        this.attempts = attempts;
        this.encoder = encoder;
    }

    @ModelAttribute("languages")
    List<Language> languages() {
        return List.of(Language.values());
    }

    @ModelAttribute("skills")
    List<String> skills() {
        return AccountForm.allSkills().stream().map(Enum::name).toList();
    }

    @GetMapping
    String page(@PathVariable String username, Model model) {
        var account = existing(username);
        return show(model, account, AccountForm.of(account), Map.of());
    }

    @PostMapping
    String saveProfile(@PathVariable String username, @ModelAttribute AccountForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var account = existing(username);
        var sent = new AccountForm(account.username(), form.displayName(), form.role(), form.languages(),
                form.skills(), null, null);
        var errors = sent.profileProblems();
        if (errors.isEmpty()) {
            try {
                if (team.updateProfile(sent.toAccount(account.passwordHash())).isEmpty()) {
                    throw notFound();
                }
                redirect.addFlashAttribute("notice", "team.notice.saved");
                return "redirect:/admin/team/accounts/" + account.username();
            } catch (LastAdminException e) {
                errors = Map.of("role", "team.error.lastAdmin.role");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(model, account, sent, errors);
    }

    @PostMapping("/password")
    String setPassword(@PathVariable String username, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var account = existing(username);
        var errors = AccountForm.passwordProblems(account.username(), password, confirmation);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, account, AccountForm.of(account), errors);
        }
        if (!team.changePasswordHash(account.username(), encoder.encode(password))) {
            throw notFound();
        }
        // A new password is also how an admin unlocks an account locked by failed sign-ins.
        attempts.succeeded(account.username());
        redirect.addFlashAttribute("notice", "team.notice.password");
        return "redirect:/admin/team/accounts/" + account.username();
    }

    @PostMapping("/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        var account = existing(username);
        attempts.succeeded(account.username());
        redirect.addFlashAttribute("notice", "team.notice.unlocked");
        return "redirect:/admin/team/accounts/" + account.username();
    }

    @PostMapping("/delete")
    String delete(@PathVariable String username, @RequestParam(required = false) String confirm, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var account = existing(username);
        if (!"yes".equals(confirm)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, account, AccountForm.of(account), Map.of("confirm", "team.error.confirmDelete"));
        }
        try {
            if (!team.remove(account.username())) {
                throw notFound();
            }
        } catch (LastAdminException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(model, account, AccountForm.of(account), Map.of("confirm", "team.error.lastAdmin.delete"));
        }
        redirect.addFlashAttribute("notice", "team.notice.deleted");
        return "redirect:/admin/team";
    }

    private String show(Model model, StaffAccount account, AccountForm form, Map<String, String> errors) {
        model.addAttribute("account", account);
        model.addAttribute("locked", attempts.locked(account.username()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    private StaffAccount existing(String username) {
        return team.find(username).orElseThrow(AccountPageController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such staff account");
    }
}
