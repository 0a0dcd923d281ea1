package org.passerelle.admin.team;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passerelle.admin.web.AdminPage;
import org.passerelle.content.Language;
import org.passerelle.core.handoff.SignInAttempts;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.Team;
import org.passerelle.core.handoff.TeamHoursStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team page for admins: the accounts (with whether each is locked by failed sign-ins), a
 * form to create one, and the team's weekly hours in Paris time. A refused form comes back as a
 * 400 with each problem next to its field and nothing saved.
 */
@Controller
@AdminPage
@RequestMapping("/admin/team")
class TeamPageController {

    private final Team team;
    private final SignInAttempts attempts;
    private final TeamHoursStore hours;
    private final PasswordEncoder encoder;
    private final Clock clock;

    TeamPageController(Team team, SignInAttempts attempts, TeamHoursStore hours, PasswordEncoder encoder,
            Clock clock) {
        this.team = team;
        this.attempts = attempts;
        this.hours = hours;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** One account in the list. */
    record Row(StaffAccount account, boolean locked) {
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
    String page(Model model, Locale locale) {
        return show(model, AccountForm.empty(), Map.of(), HoursForm.of(hours.current(), locale));
    }

    @PostMapping("/accounts")
    String create(@ModelAttribute AccountForm form, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        var errors = form.newAccountProblems();
        if (errors.isEmpty() && team.find(form.username()).isPresent()) {
            errors.put("username", "team.error.username.taken");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form.withoutPasswords(), errors, HoursForm.of(hours.current(), locale));
        }
        if (!team.create(form.toAccount(encoder.encode(form.password())))) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(model, form.withoutPasswords(), Map.of("username", "team.error.username.taken"),
                    HoursForm.of(hours.current(), locale));
        }
        redirect.addFlashAttribute("notice", "team.notice.created");
        return "redirect:/admin/team";
    }

    @PostMapping("/hours")
    String saveHours(@RequestParam Map<String, String> fields, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        var form = HoursForm.read(fields, locale);
        var parsed = form.toHours();
        if (parsed == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, AccountForm.empty(), Map.of(), form);
        }
        hours.save(parsed);
        redirect.addFlashAttribute("notice", "team.notice.hours");
        return "redirect:/admin/team#hours";
    }

    private String show(Model model, AccountForm form, Map<String, String> errors, HoursForm hoursForm) {
        var rows = team.list().stream().map(account -> new Row(account, attempts.locked(account.username())))
                .toList();
        var current = hours.current();
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("hours", hoursForm);
        model.addAttribute("openNow", current.isOpen(clock.instant()));
        return "admin/team/index";
    }
}
