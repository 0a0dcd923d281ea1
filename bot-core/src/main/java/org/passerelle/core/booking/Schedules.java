package org.passerelle.core.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.passerelle.core.store.RedisStore;

/**
 * The services that can be booked, their weekly rules and their exceptions, in Redis, and the
 * slots generated from them. Each rule and exception has a short id ({@code r12}, {@code x3}) by
 * which staff remove it. A rule that overlaps a stored rule of its service is refused, also
 * when two admins add rules at the same time. Thread-safe.
 *
 * <p>Keys, after the store prefix: {@code schedule:services} (set of service ids),
 * {@code schedule:service:{id}} (hash), {@code schedule:rules:{service}} and
 * {@code schedule:exceptions:{service}} (sets of ids), {@code schedule:rule:{id}} and
 * {@code schedule:exception:{id}} (hashes), {@code schedule:version:{service}} (bumped by each
 * added rule) and {@code schedule:seq} (the id counter). None expires.
 *
 * <p>Every method may throw {@link org.passerelle.core.store.StoreUnavailableException} when
 * Redis fails.
 */
public final class Schedules {

    /** A kind of item of a service: the set of their ids, and the name of each one's hash. */
    private record Kind(String set, String item) {
    }

    /** An item read, by its id. */
    private record Item(String id, Map<String, String> fields) {
    }

    private static final Kind RULES = new Kind("rules", "rule");
    private static final Kind EXCEPTIONS = new Kind("exceptions", "exception");
    private static final Comparator<ScheduleRule> RULE_ORDER = Comparator.comparing(ScheduleRule::day)
            .thenComparing(ScheduleRule::start);
    private static final Comparator<ScheduleException> EXCEPTION_ORDER = Comparator
            .comparing(ScheduleException::date)
            .thenComparing(ScheduleException::start, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The services offered on a first start, with no rules: their hours are set by admins. */
    public static final List<Service> SEED = List.of(
            new Service("lawyer", "bus.schedule", Duration.ofMinutes(30), true),
            new Service("pad", "pad18.address", Duration.ofMinutes(45), true),
            new Service("group", "group.schedule", Duration.ofMinutes(90), true));

    // Writes the rule only if no other rule of the service was added since the overlap check.
    private static final String ADD_IF_UNCHANGED = """
            local current = redis.call('GET', KEYS[1]) or '0'
            if current ~= ARGV[1] then return 0 end
            redis.call('INCR', KEYS[1])
            redis.call('HSET', KEYS[3], unpack(ARGV, 3))
            redis.call('SADD', KEYS[2], ARGV[2])
            return 1
            """;

    // Others adding rules to the same service at this very moment is rare; this many means a fault.
    private static final int ADD_ATTEMPTS = 10;

    // As Checks.serviceId: an id that cannot name a service is simply not found.
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final RedisStore store;

    /** @param store the Redis store */
    public Schedules(RedisStore store) {
        this.store = store;
    }

    /** A stored weekly rule and its id. */
    public record StoredRule(String id, ScheduleRule rule) {
    }

    /** A stored exception and its id. */
    public record StoredException(String id, ScheduleException exception) {
    }

    /** Creates the {@link #SEED} services when there is none yet; otherwise changes nothing. */
    public void seedIfEmpty() {
        if (store.call(jedis -> jedis.scard(key("services"))) == 0) {
            SEED.forEach(this::saveService);
        }
    }

    /** Every service, by id. */
    public List<Service> services() {
        var ids = store.call(jedis -> jedis.smembers(key("services"))).stream()
                .filter(id -> SERVICE_ID.matcher(id).matches()).sorted().toList();
        var fields = store.hashes(ids.stream().map(id -> key("service", id)).toList());
        var services = new ArrayList<Service>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (!fields.get(i).isEmpty()) {
                services.add(SchedulesCodec.service(ids.get(i), fields.get(i)));
            }
        }
        return services;
    }

    /** A service by id; empty when there is none (or the id is malformed). */
    public Optional<Service> service(String id) {
        if (id == null || !SERVICE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Map<String, String> fields = store.call(jedis -> jedis.hgetAll(key("service", id)));
        return fields.isEmpty() ? Optional.empty() : Optional.of(SchedulesCodec.service(id, fields));
    }

    /** Creates a service or replaces its place, default slot length and active flag. */
    public void saveService(Service service) {
        store.call(jedis -> {
            jedis.hset(key("service", service.id()), SchedulesCodec.encode(service));
            return jedis.sadd(key("services"), service.id());
        });
    }

    /** The weekly rules of a service, by day then start. */
    public List<StoredRule> rules(String serviceId) {
        return read(RULES, serviceId, SchedulesCodec::rule, StoredRule::new)
                .sorted(Comparator.comparing(StoredRule::rule, RULE_ORDER))
                .toList();
    }

    /**
     * Stores a weekly rule of an existing service.
     *
     * @return the stored rule with its new id
     * @throws ScheduleOverlapException when it can run at the same time as a stored rule
     * @throws IllegalArgumentException naming {@code serviceId} when the service does not exist
     */
    public StoredRule addRule(ScheduleRule rule) {
        requireService(rule.serviceId());
        var versionKey = key("version", rule.serviceId());
        for (int attempt = 0; attempt < ADD_ATTEMPTS; attempt++) {
            var version = Optional.ofNullable(store.call(jedis -> jedis.get(versionKey))).orElse("0");
            refuseOverlap(rule, rules(rule.serviceId()));
            var id = "r" + nextId();
            var args = new ArrayList<String>(List.of(version, id));
            SchedulesCodec.encode(rule).forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
            Object written = store.call(jedis -> jedis.eval(ADD_IF_UNCHANGED,
                    List.of(versionKey, key("rules", rule.serviceId()), key("rule", id)), args));
            if (Long.valueOf(1).equals(written)) {
                return new StoredRule(id, rule);
            }
        }
        throw new IllegalStateException("rules of " + rule.serviceId() + " kept changing; try again");
    }

    /** Removes a rule of a service; false when the service has no rule with this id. */
    public boolean removeRule(String serviceId, String ruleId) {
        return remove(RULES, serviceId, ruleId);
    }

    /** The exceptions of a service, by date then start. */
    public List<StoredException> exceptions(String serviceId) {
        return read(EXCEPTIONS, serviceId, SchedulesCodec::exception, StoredException::new)
                .sorted(Comparator.comparing(StoredException::exception, EXCEPTION_ORDER))
                .toList();
    }

    /**
     * Stores an exception (closure or extra session) of an existing service.
     *
     * @return the stored exception with its new id
     * @throws IllegalArgumentException naming {@code serviceId} when the service does not exist
     */
    public StoredException addException(ScheduleException exception) {
        requireService(exception.serviceId());
        var id = "x" + nextId();
        store.call(jedis -> {
            jedis.hset(key("exception", id), SchedulesCodec.encode(exception));
            return jedis.sadd(key("exceptions", exception.serviceId()), id);
        });
        return new StoredException(id, exception);
    }

    /** Removes an exception of a service; false when the service has none with this id. */
    public boolean removeException(String serviceId, String exceptionId) {
        return remove(EXCEPTIONS, serviceId, exceptionId);
    }

    /**
     * The slots of a service from one date to another, both included, generated from what is
     * stored; none when the service is inactive.
     *
     * @throws IllegalArgumentException naming the field: an unknown service, {@code to} before
     *                                  {@code from}, a span over a year
     */
    public List<Slot> slots(String serviceId, LocalDate from, LocalDate to) {
        return slots(requireService(serviceId), from, to);
    }

    /**
     * As {@link #slots(String, LocalDate, LocalDate)}, for a service already read: its rules and
     * exceptions are read in two round trips, one for their ids and one for their fields.
     */
    public List<Slot> slots(Service service, LocalDate from, LocalDate to) {
        var both = items(service.id(), List.of(RULES, EXCEPTIONS));
        var rules = both.get(0).stream().map(item -> SchedulesCodec.rule(item.fields())).sorted(RULE_ORDER).toList();
        var exceptions = both.get(1).stream().map(item -> SchedulesCodec.exception(item.fields()))
                .sorted(EXCEPTION_ORDER).toList();
        return new SlotGenerator(rules, exceptions).slots(service, from, to);
    }

    private void refuseOverlap(ScheduleRule rule, Collection<StoredRule> stored) {
        var all = new ArrayList<ScheduleRule>(stored.size() + 1);
        stored.forEach(s -> all.add(s.rule()));
        all.add(rule);
        try {
            SlotGenerator.checkNoOverlap(all);
        } catch (IllegalArgumentException e) {
            var other = stored.stream().filter(s -> s.rule().overlaps(rule)).findFirst();
            throw new ScheduleOverlapException(other.map(StoredRule::id).orElse(null),
                    "start: " + e.getMessage() + other.map(s -> " (rule " + s.id() + ")").orElse(""));
        }
    }

    private <T, R> Stream<R> read(Kind kind, String serviceId, Function<Map<String, String>, T> decode,
                                  BiFunction<String, T, R> entry) {
        return items(serviceId, List.of(kind)).get(0).stream()
                .map(item -> entry.apply(item.id(), decode.apply(item.fields())));
    }

    /**
     * The items of some kinds of a service, kind by kind, each with its fields: the ids of every
     * kind in one round trip, the fields of every item in another; an item gone meanwhile is left out.
     */
    private List<List<Item>> items(String serviceId, List<Kind> kinds) {
        List<List<String>> ids = store.call(jedis -> {
            try (var pipeline = jedis.pipelined()) {
                var sets = kinds.stream().map(kind -> pipeline.smembers(key(kind.set(), serviceId))).toList();
                pipeline.sync();
                return sets.stream().map(set -> List.copyOf(set.get())).toList();
            }
        });
        var keys = new ArrayList<String>();
        for (int k = 0; k < kinds.size(); k++) {
            var itemName = kinds.get(k).item();
            ids.get(k).forEach(id -> keys.add(key(itemName, id)));
        }
        var fields = store.hashes(keys);
        var items = new ArrayList<List<Item>>(kinds.size());
        int next = 0;
        for (var kindIds : ids) {
            var found = new ArrayList<Item>(kindIds.size());
            for (var id : kindIds) {
                var itemFields = fields.get(next++);
                if (!itemFields.isEmpty()) {
                    found.add(new Item(id, itemFields));
                }
            }
            items.add(found);
        }
        return items;
    }

    private boolean remove(Kind kind, String serviceId, String id) {
        if (store.call(jedis -> jedis.srem(key(kind.set(), serviceId), id)) == 0) {
            return false;
        }
        store.call(jedis -> jedis.del(key(kind.item(), id)));
        return true;
    }

    private Service requireService(String serviceId) {
        return service(serviceId).orElseThrow(() ->
                new IllegalArgumentException("serviceId: no service '" + serviceId + "'"));
    }

    private long nextId() {
        return store.call(jedis -> jedis.incr(key("seq")));
    }

    /**
     * The secret token of a service's calendar feed, made on first use; whoever has the feed's
     * address sees the times, codes and languages of its bookings, and nothing else.
     */
    public String calendarToken(String serviceId) {
        var key = key("ical", serviceId);
        var bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        var fresh = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.call(jedis -> jedis.setnx(key, fresh));
        return store.call(jedis -> jedis.get(key));
    }

    /** Whether a token opens a service's calendar feed; compared in constant time. */
    public boolean calendarTokenMatches(String serviceId, String token) {
        var kept = store.<String>call(jedis -> jedis.get(key("ical", serviceId)));
        return kept != null && token != null && java.security.MessageDigest.isEqual(
                kept.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String key(String... parts) {
        var all = new String[parts.length + 1];
        all[0] = "schedule";
        System.arraycopy(parts, 0, all, 1, parts.length);
        return store.key(all);
    }
}
