package org.passerelle.core.handoff;

/**
 * The Lua scripts that change a handoff in one step, so that instances never see half a change.
 * Every script that changes what the inbox shows increments the version counter.
 */
final class HandoffScripts {

    /**
     * KEYS: queue, request hash, held set, version. ARGV: id, score, language, channel, priority,
     * requested at, ttl, rank, score span, sealed address (or empty).
     * Returns 1 when newly waiting, 0 when already waiting, 2 when a mediator holds it; a higher
     * priority moves it up (waiting) or marks it (held), keeping its time.
     */
    static final String REQUEST = """
            local state = redis.call('hget', KEYS[2], 'state')
            local rank = tonumber(ARGV[8])
            if state == 'WITH_MEDIATOR' then
                local oldRank = tonumber(redis.call('hget', KEYS[2], 'rank') or '9')
                if rank < oldRank then
                    redis.call('hset', KEYS[2], 'priority', ARGV[5], 'rank', ARGV[8])
                    redis.call('incr', KEYS[4])
                end
                return 2
            end
            local old = redis.call('zscore', KEYS[1], ARGV[1])
            if old then
                local span = tonumber(ARGV[9])
                local oldRank = math.floor(tonumber(old) / span)
                if rank < oldRank then
                    local since = tonumber(old) - oldRank * span
                    redis.call('zadd', KEYS[1], rank * span + since, ARGV[1])
                    redis.call('hset', KEYS[2], 'priority', ARGV[5], 'rank', ARGV[8])
                    redis.call('incr', KEYS[4])
                end
                if ARGV[10] ~= '' then redis.call('hset', KEYS[2], 'to', ARGV[10]) end
                redis.call('hset', KEYS[2], 'state', 'WAITING')
                return 0
            end
            redis.call('del', KEYS[2])
            redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
            redis.call('hset', KEYS[2], 'language', ARGV[3], 'channel', ARGV[4], 'priority', ARGV[5],
                'rank', ARGV[8], 'requestedAt', ARGV[6], 'state', 'WAITING')
            if ARGV[10] ~= '' then redis.call('hset', KEYS[2], 'to', ARGV[10]) end
            redis.call('expire', KEYS[2], ARGV[7])
            redis.call('incr', KEYS[4])
            return 1
            """;

    /**
     * KEYS: queue, request hash, held set, version. ARGV: id, mediator, now (millis), ttl.
     * Returns 'ok', 'same' (she holds it already), 'conflict' or 'unknown'.
     */
    static final String CLAIM = """
            local state = redis.call('hget', KEYS[2], 'state')
            if state == 'WITH_MEDIATOR' then
                if redis.call('hget', KEYS[2], 'mediator') == ARGV[2] then return 'same' end
                return 'conflict'
            end
            if not redis.call('zscore', KEYS[1], ARGV[1]) or redis.call('exists', KEYS[2]) == 0 then
                return 'unknown'
            end
            redis.call('zrem', KEYS[1], ARGV[1])
            redis.call('hset', KEYS[2], 'state', 'WITH_MEDIATOR', 'mediator', ARGV[2], 'claimedAt', ARGV[3])
            redis.call('expire', KEYS[2], ARGV[4])
            redis.call('zadd', KEYS[3], ARGV[3], ARGV[1])
            redis.call('incr', KEYS[4])
            return 'ok'
            """;

    /**
     * KEYS: queue, request hash, held set, version. ARGV: id, mediator.
     * Ends a held handoff (release or close). Returns 'ok', 'conflict' or 'unknown'.
     */
    static final String FINISH = """
            local state = redis.call('hget', KEYS[2], 'state')
            if state ~= 'WITH_MEDIATOR' then
                if state == 'WAITING' then return 'conflict' end
                return 'unknown'
            end
            if redis.call('hget', KEYS[2], 'mediator') ~= ARGV[2] then return 'conflict' end
            redis.call('del', KEYS[2])
            redis.call('zrem', KEYS[3], ARGV[1])
            redis.call('incr', KEYS[4])
            return 'ok'
            """;

    /**
     * KEYS: queue, request hash, held set, version. ARGV: id, from, to, now (millis).
     * Returns 'ok', 'conflict' or 'unknown'.
     */
    static final String TRANSFER = """
            local state = redis.call('hget', KEYS[2], 'state')
            if state ~= 'WITH_MEDIATOR' then
                if state == 'WAITING' then return 'conflict' end
                return 'unknown'
            end
            if redis.call('hget', KEYS[2], 'mediator') ~= ARGV[2] then return 'conflict' end
            redis.call('hset', KEYS[2], 'mediator', ARGV[3], 'claimedAt', ARGV[4])
            redis.call('zadd', KEYS[3], ARGV[4], ARGV[1])
            redis.call('incr', KEYS[4])
            return 'ok'
            """;

    /** KEYS: queue, request hash, held set, version. ARGV: id. Forgets the handoff entirely. */
    static final String REMOVE = """
            local gone = redis.call('zrem', KEYS[1], ARGV[1]) + redis.call('zrem', KEYS[3], ARGV[1])
                + redis.call('del', KEYS[2])
            if gone > 0 then redis.call('incr', KEYS[4]) end
            return gone
            """;

    /**
     * KEYS: queue, request hash, held set, version. ARGV: id. Takes an expired request's id out of
     * both sets, unless it came back meanwhile.
     */
    static final String FORGET_EXPIRED = """
            if redis.call('exists', KEYS[2]) == 1 then return 0 end
            local gone = redis.call('zrem', KEYS[1], ARGV[1]) + redis.call('zrem', KEYS[3], ARGV[1])
            if gone > 0 then redis.call('incr', KEYS[4]) end
            return gone
            """;

    private HandoffScripts() {
    }
}
