package org.passerelle.admin.inbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.passerelle.core.handoff.Mediator;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is at the inbox: the signed-in staff member seen as a mediator, and the colleagues a
 * conversation can be handed to. The username is the mediator's id.
 */
@Component
class InboxStaff {

    static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    /** The caller as a mediator; with no account details, she takes every language. */
    Mediator mediator(Authentication caller) {
        var name = caller.getName();
        return new Mediator(name, name, Set.of(), Set.of());
    }

    /** Whether the caller may read any conversation, held by anyone. */
    boolean isAdmin(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
    }

    /** The mediator with this username, to hand a conversation to. */
    Optional<Mediator> colleague(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        var name = username.strip();
        return Optional.of(new Mediator(name, name, Set.of(), Set.of()));
    }

    /** The other mediators, by username, for the transfer list; empty when none is known. */
    List<Mediator> colleagues(String except) {
        return List.of();
    }

    /** How a mediator is named on the pages. */
    String displayName(String mediatorId) {
        return mediatorId;
    }
}
