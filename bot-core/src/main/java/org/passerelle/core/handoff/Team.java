package org.passerelle.core.handoff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.passerelle.content.Language;
import org.passerelle.core.store.RedisStore;

/**
 * The staff accounts, in Redis: created once per username, found, listed, their profile and
 * password changed, removed. Every change is one Lua script, so two admins acting at the same time
 * can neither create the same username twice nor, between them, remove or demote the last admin.
 * Thread-safe and safe across instances.
 *
 * <p>Keys, after the store prefix: {@code staff:accounts} (set of usernames), {@code staff:admins}
 * (set of the admins' usernames) and {@code staff:account:{username}} (hash: display name, role,
 * password hash, languages, skills). None expires.
 *
 * <p>Every method may throw {@link org.passerelle.core.store.StoreUnavailableException} when
 * Redis fails.
 */
public final class Team {

    // KEYS: accounts, admins, account. ARGV: username, only-when-empty flag, role, then the fields.
    private static final String CREATE = """
            if ARGV[2] == '1' and redis.call('SCARD', KEYS[1]) > 0 then return 0 end
            if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
            redis.call('HSET', KEYS[3], unpack(ARGV, 4))
            redis.call('SADD', KEYS[1], ARGV[1])
            if ARGV[3] == 'ADMIN' then redis.call('SADD', KEYS[2], ARGV[1]) end
            return 1
            """;

    // KEYS: accounts, admins, account. ARGV: username, role, then the profile fields.
    private static final String UPDATE = """
            if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
            if ARGV[2] ~= 'ADMIN' and redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1
                    and redis.call('SCARD', KEYS[2]) <= 1 then return -1 end
            redis.call('HSET', KEYS[3], unpack(ARGV, 3))
            if ARGV[2] == 'ADMIN' then redis.call('SADD', KEYS[2], ARGV[1])
            else redis.call('SREM', KEYS[2], ARGV[1]) end
            return 1
            """;

    // KEYS: account. ARGV: the new hash.
    private static final String PASSWORD = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'passwordHash', ARGV[1])
            return 1
            """;

    // KEYS: accounts, admins, account. ARGV: username.
    private static final String REMOVE = """
            if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 and redis.call('SCARD', KEYS[2]) <= 1 then
                return -1
            end
            redis.call('DEL', KEYS[3])
            redis.call('SREM', KEYS[1], ARGV[1])
            redis.call('SREM', KEYS[2], ARGV[1])
            return 1
            """;

    private final RedisStore store;
    private final AtomicLong changesHere = new AtomicLong();

    /** @param store the Redis store */
    public Team(RedisStore store) {
        this.store = store;
    }

    /**
     * Stores a new account.
     *
     * @return false, changing nothing, when the username is taken
     */
    public boolean create(StaffAccount account) {
        return create(account, false);
    }

    /**
     * Stores the first account: only when there is no account at all, so that several instances
     * starting together create one first admin.
     *
     * @return false, changing nothing, when an account exists
     */
    public boolean createFirst(StaffAccount account) {
        return create(account, true);
    }

    /**
     * How many times an account's profile, password or existence was changed through this
     * object: what was read from Redis before the count moved may be out of date. Changes made
     * by another instance are not counted.
     */
    public long changesHere() {
        return changesHere.get();
    }

    /** Whether there is no account at all. */
    public boolean isEmpty() {
        return store.call(jedis -> jedis.scard(accountsKey())) == 0;
    }

    /** An account by username; empty when there is none, or when the username is malformed. */
    public Optional<StaffAccount> find(String username) {
        if (!StaffAccount.validUsername(username)) {
            return Optional.empty();
        }
        Map<String, String> fields = store.call(jedis -> jedis.hgetAll(accountKey(username)));
        return fields.isEmpty() ? Optional.empty() : Optional.of(decode(username, fields));
    }

    /** Every account, by username. */
    public List<StaffAccount> list() {
        var usernames = store.call(jedis -> jedis.smembers(accountsKey()));
        return usernames.stream().sorted().map(this::find).flatMap(Optional::stream).toList();
    }

    /**
     * Replaces the display name, role, languages and skills of the account with this account's
     * username; the stored password hash is kept, whatever this one carries.
     *
     * @return the account as now stored; empty when there is no such account
     * @throws LastAdminException when it would make the last admin a mediator
     */
    public Optional<StaffAccount> updateProfile(StaffAccount account) {
        var args = new ArrayList<>(List.of(account.username(), account.role().name()));
        args.addAll(profileFields(account));
        long result = changing(() -> (Long) store.call(jedis -> jedis.eval(UPDATE, keys(account.username()), args)));
        if (result < 0) {
            throw new LastAdminException(account.username());
        }
        return result == 0 ? Optional.empty() : find(account.username());
    }

    /**
     * Replaces the password hash of an account.
     *
     * @return false when there is no such account
     * @throws IllegalArgumentException when the hash is blank
     */
    public boolean changePasswordHash(String username, String passwordHash) {
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("passwordHash is required");
        }
        if (!StaffAccount.validUsername(username)) {
            return false;
        }
        Object changed = changing(() -> store.call(jedis -> jedis.eval(PASSWORD, List.of(accountKey(username)),
                List.of(passwordHash))));
        return Long.valueOf(1).equals(changed);
    }

    /**
     * Removes an account.
     *
     * @return false when there is no such account
     * @throws LastAdminException when it is the last admin
     */
    public boolean remove(String username) {
        if (!StaffAccount.validUsername(username)) {
            return false;
        }
        long result = changing(() -> (Long) store.call(jedis -> jedis.eval(REMOVE, keys(username),
                List.of(username))));
        if (result < 0) {
            throw new LastAdminException(username);
        }
        return result == 1;
    }

    // Counted once the write is done, so that whoever reads the count and then the account sees the change.
    private <T> T changing(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            changesHere.incrementAndGet();
        }
    }

    private boolean create(StaffAccount account, boolean onlyFirst) {
        var args = new ArrayList<>(List.of(account.username(), onlyFirst ? "1" : "0", account.role().name(),
                "passwordHash", account.passwordHash()));
        args.addAll(profileFields(account));
        Object created = store.call(jedis -> jedis.eval(CREATE, keys(account.username()), args));
        return Long.valueOf(1).equals(created);
    }

    private static List<String> profileFields(StaffAccount account) {
        return List.of("displayName", account.displayName(), "role", account.role().name(),
                "languages", account.languages().stream().map(Language::code).collect(Collectors.joining(",")),
                "skills", account.skills().stream().map(Skill::name).collect(Collectors.joining(",")));
    }

    private static StaffAccount decode(String username, Map<String, String> fields) {
        return new StaffAccount(username, fields.get("displayName"), StaffRole.valueOf(fields.get("role")),
                fields.get("passwordHash"),
                split(fields.get("languages")).stream().map(Language::fromCode).flatMap(Optional::stream)
                        .collect(Collectors.toSet()),
                split(fields.get("skills")).stream().map(Skill::valueOf).collect(Collectors.toSet()));
    }

    private static Collection<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private List<String> keys(String username) {
        return List.of(accountsKey(), adminsKey(), accountKey(username));
    }

    private String accountsKey() {
        return store.key("staff", "accounts");
    }

    private String adminsKey() {
        return store.key("staff", "admins");
    }

    private String accountKey(String username) {
        return store.key("staff", "account", username);
    }
}
