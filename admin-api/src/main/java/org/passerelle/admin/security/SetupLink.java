package org.passerelle.admin.security;

import java.time.Duration;
import java.util.Optional;
import org.passerelle.core.handoff.SetupLinks;
import org.passerelle.core.handoff.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Prints, once the server listens, a one-time link to create the first admin when there is no
 * staff account and no bootstrap settings: a WARN line with
 * {@code {public base URL}/setup/{token}}. Each start prints a new link while no account exists;
 * the one before stops working.
 */
final class SetupLink implements ApplicationListener<WebServerInitializedEvent> {

    /** How long a printed link works. */
    static final Duration VALIDITY = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(SetupLink.class);

    private final Team team;
    private final AdminSettings settings;
    private final SetupLinks links;
    private final PublicAddress address;

    SetupLink(Team team, AdminSettings settings, SetupLinks links, PublicAddress address) {
        this.team = team;
        this.settings = settings;
        this.links = links;
        this.address = address;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The management server, when it has its own port, is not where people sign in.
        if (event.getApplicationContext().getServerNamespace() == null) {
            announce(event.getWebServer().getPort());
        }
    }

    /** Issues and prints a link when one is needed; returns it. */
    Optional<String> announce(int port) {
        if (settings.hasBootstrapAccount() || !team.isEmpty()) {
            return Optional.empty();
        }
        var link = address.base(port) + "/setup/" + links.issue(VALIDITY);
        log.warn("no staff account yet: open {} within {} hours to create the first admin; the link works once",
                link, VALIDITY.toHours());
        return Optional.of(link);
    }
}
