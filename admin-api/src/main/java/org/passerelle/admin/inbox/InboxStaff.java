package org.passerelle.admin.inbox;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.passerelle.core.handoff.Mediator;
import org.passerelle.core.handoff.StaffAccount;
import org.passerelle.core.handoff.Team;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is at the inbox: the signed-in staff member as a mediator (her languages and skills from her
 * account), and the colleagues a conversation can be handed to. The username is the mediator's id.
 */
@Component
class InboxStaff {

    static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    private final Team team;

    InboxStaff(Team team) {
        this.team = team;
    }

    /** The caller as a mediator; an account gone meanwhile is taken as one for every language. */
    Mediator mediator(Authentication caller) {
        var name = caller.getName();
        return team.find(name).map(StaffAccount::mediator)
                .orElseGet(() -> new Mediator(name, name, Set.of(), Set.of()));
    }

    /** Whether the caller may read any conversation, held by anyone. */
    boolean isAdmin(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
    }

    /** The staff member with this username, to hand a conversation to; empty when there is none. */
    Optional<Mediator> colleague(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return team.find(username.strip()).map(StaffAccount::mediator);
    }

    /** The other staff members, by display name, for the transfer list. */
    List<Mediator> colleagues(String except) {
        return team.list().stream().filter(account -> !account.username().equals(except))
                .map(StaffAccount::mediator)
                .sorted(Comparator.comparing(Mediator::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** How a mediator is named on the pages: her display name, or her username once her account is gone. */
    String displayName(String mediatorId) {
        return team.find(mediatorId).map(StaffAccount::displayName).orElse(mediatorId);
    }
}
