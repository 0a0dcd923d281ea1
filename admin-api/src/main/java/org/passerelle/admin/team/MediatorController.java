package org.passerelle.admin.team;

import java.net.URI;
import java.util.List;
import org.passerelle.admin.security.PasswordPolicy;
import org.passerelle.core.handoff.LastAdminException;
import org.passerelle.core.handoff.SignInAttempts;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.StaffRole;
import org.passerelle.core.handoff.Team;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff accounts, for admins: list, create, change the profile or the password, delete. A
 * refused field is a 400 that names it; a taken username, or removing or demoting the last admin,
 * a 409; an unknown username a 404. Passwords are hashed at once and neither they nor their
 * hashes are ever sent back; setting a new one also unlocks an account locked by failed sign-ins.
 */
@RestController
@RequestMapping(path = "/api/team/mediators", produces = MediaType.APPLICATION_JSON_VALUE)
class MediatorController {

    private final Team team;
    private final PasswordEncoder encoder;
    private final SignInAttempts attempts;

    MediatorController(Team team, PasswordEncoder encoder, SignInAttempts attempts) {
        this.team = team;
        this.encoder = encoder;
        this.attempts = attempts;
    }

    @GetMapping
    List<TeamApi.AccountJson> list() {
        return team.list().stream().map(TeamApi.AccountJson::of).toList();
    }

    @GetMapping("/{username}")
    TeamApi.AccountJson one(@PathVariable String username) {
        return TeamApi.AccountJson.of(existing(username));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TeamApi.AccountJson> create(@RequestBody TeamApi.CreateRequest request) {
        if (request == null) {
            throw invalid(new IllegalArgumentException("username, displayName and password are required"));
        }
        StaffAccount account;
        try {
            TeamApi.requireUsername(request.username());
            PasswordPolicy.check(request.username(), request.password());
            var role = request.role() == null ? StaffRole.MEDIATOR : TeamApi.role(request.role());
            // Every field is checked before the deliberately slow hashing.
            account = new StaffAccount(request.username(), request.displayName(), role, "not hashed yet",
                    TeamApi.languages(orEmpty(request.languages())), TeamApi.skills(orEmpty(request.skills())));
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        var stored = account.withPasswordHash(encoder.encode(request.password()));
        if (!team.create(stored)) {
            throw problem(HttpStatus.CONFLICT, "username '" + stored.username() + "' is taken", "username");
        }
        return ResponseEntity.created(URI.create("/api/team/mediators/" + stored.username()))
                .body(TeamApi.AccountJson.of(stored));
    }

    @PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TeamApi.AccountJson updateProfile(@PathVariable String username, @RequestBody TeamApi.ProfileRequest request) {
        var current = existing(username);
        if (request == null) {
            return TeamApi.AccountJson.of(current);
        }
        StaffAccount changed;
        try {
            changed = new StaffAccount(current.username(),
                    request.displayName() == null ? current.displayName() : request.displayName(),
                    request.role() == null ? current.role() : TeamApi.role(request.role()),
                    current.passwordHash(),
                    request.languages() == null ? current.languages() : TeamApi.languages(request.languages()),
                    request.skills() == null ? current.skills() : TeamApi.skills(request.skills()));
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        try {
            return team.updateProfile(changed).map(TeamApi.AccountJson::of).orElseThrow(() -> notFound(username));
        } catch (LastAdminException e) {
            throw problem(HttpStatus.CONFLICT, e.getMessage(), "role");
        }
    }

    @PutMapping(path = "/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> setPassword(@PathVariable String username, @RequestBody TeamApi.PasswordRequest request) {
        var account = existing(username);
        var password = request == null ? null : request.password();
        try {
            PasswordPolicy.check(account.username(), password);
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        if (!team.changePasswordHash(account.username(), encoder.encode(password))) {
            throw notFound(username);
        }
        // A new password is also how an admin unlocks an account locked by failed sign-ins.
        attempts.succeeded(account.username());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> delete(@PathVariable String username) {
        try {
            if (!team.remove(username)) {
                throw notFound(username);
            }
        } catch (LastAdminException e) {
            throw problem(HttpStatus.CONFLICT, e.getMessage(), null);
        }
        return ResponseEntity.noContent().build();
    }

    private StaffAccount existing(String username) {
        return team.find(username).orElseThrow(() -> notFound(username));
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static ErrorResponseException notFound(String username) {
        return problem(HttpStatus.NOT_FOUND, "no staff account '" + username + "'", null);
    }

    private static ErrorResponseException invalid(IllegalArgumentException e) {
        var first = e.getMessage().split("[\\s:]", 2)[0];
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), first);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail, String field) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return new ErrorResponseException(status, problem, null);
    }
}
