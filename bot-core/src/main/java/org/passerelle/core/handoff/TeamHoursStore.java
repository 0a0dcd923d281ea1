package org.passerelle.core.handoff;

import java.util.Objects;
import org.passerelle.core.store.RedisStore;

/**
 * The team's hours as staff set them, in Redis (one string, the text form of {@link TeamHours});
 * the configured default until someone saves hours. Thread-safe; every instance reads the same.
 */
public final class TeamHoursStore {

    private final RedisStore store;
    private final TeamHours defaults;

    /**
     * @param store    the Redis store
     * @param defaults the hours in force until staff save others
     */
    public TeamHoursStore(RedisStore store, TeamHours defaults) {
        this.store = store;
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /**
     * The hours in force.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public TeamHours current() {
        var saved = store.call(jedis -> jedis.get(key()));
        if (saved == null) {
            return defaults;
        }
        try {
            return TeamHours.parse(saved);
        } catch (IllegalArgumentException unreadable) {
            // Written by another version and no longer readable: the default is the safe answer.
            return defaults;
        }
    }

    /**
     * Puts these hours in force on every instance.
     *
     * @throws org.passerelle.core.store.StoreUnavailableException when Redis fails
     */
    public void save(TeamHours hours) {
        var text = hours.format();
        store.call(jedis -> jedis.set(key(), text));
    }

    private String key() {
        return store.key("handoff", "team", "hours");
    }
}
