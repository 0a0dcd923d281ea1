package org.passerelle.core.booking;

/**
 * The Lua scripts behind {@link Bookings}: each checks and writes in one step, so concurrent
 * callers on any number of instances see a slot's places taken one at a time. The cancel and
 * move scripts find the old slot's keys from the booking itself, so they need one Redis (or
 * Sentinel), not a Cluster.
 */
final class BookingScripts {

    // Lengthens a key's time to live, never shortens it: the key holds other bookings too.
    private static final String EXTEND = """
            local function extend(key, ttl)
                local left = redis.call('pttl', key)
                if left < tonumber(ttl) then
                    redis.call('pexpire', key, ttl)
                end
            end
            """;

    /**
     * KEYS: booking, slot set, person, day set. ARGV: code, capacity, max active, service, slot,
     * start ms, end ms, now ms, ttl ms, conversation, language, day, nickname ('' when none).
     */
    static final String BOOK = EXTEND + """
            if tonumber(ARGV[6]) <= tonumber(ARGV[8]) then return 'SLOT_GONE' end
            if redis.call('exists', KEYS[1]) == 1 then return 'CODE_TAKEN' end
            local active = 0
            local mine = redis.call('hgetall', KEYS[3])
            for i = 1, #mine, 2 do
                local service, slot, ends = string.match(mine[i + 1], '^(.-)|(.-)|(%d+)$')
                if tonumber(ends) <= tonumber(ARGV[8]) then
                    redis.call('hdel', KEYS[3], mine[i])
                elseif slot == ARGV[5] then
                    return 'ALREADY_BOOKED'
                elseif service == ARGV[4] then
                    active = active + 1
                end
            end
            if active >= tonumber(ARGV[3]) then return 'TOO_MANY_ACTIVE' end
            if redis.call('scard', KEYS[2]) >= tonumber(ARGV[2]) then return 'SLOT_FULL' end
            redis.call('hset', KEYS[1], 'conversation', ARGV[10], 'service', ARGV[4], 'slot', ARGV[5],
                'start', ARGV[6], 'end', ARGV[7], 'day', ARGV[12], 'language', ARGV[11],
                'bookedAt', ARGV[8])
            if ARGV[13] ~= '' then redis.call('hset', KEYS[1], 'nickname', ARGV[13]) end
            redis.call('pexpire', KEYS[1], ARGV[9])
            redis.call('sadd', KEYS[2], ARGV[1])
            extend(KEYS[2], ARGV[9])
            redis.call('sadd', KEYS[4], ARGV[1])
            extend(KEYS[4], ARGV[9])
            redis.call('hset', KEYS[3], ARGV[1], ARGV[4] .. '|' .. ARGV[5] .. '|' .. ARGV[7])
            extend(KEYS[3], ARGV[9])
            return 'OK'
            """;

    /** KEYS: booking, person. ARGV: code, conversation, now ms, booking key prefix. */
    static final String CANCEL = """
            local f = redis.call('hmget', KEYS[1], 'conversation', 'slot', 'service', 'day', 'start')
            if f[1] ~= ARGV[2] or tonumber(f[5]) <= tonumber(ARGV[3]) then return 0 end
            redis.call('srem', ARGV[4] .. 'slot:' .. f[2], ARGV[1])
            redis.call('srem', ARGV[4] .. 'day:' .. f[3] .. ':' .. f[4], ARGV[1])
            redis.call('hdel', KEYS[2], ARGV[1])
            redis.call('del', KEYS[1])
            return 1
            """;

    /**
     * KEYS: person. ARGV: conversation, now ms, booking key prefix. Cancels her upcoming
     * bookings as {@link #CANCEL} does, takes her pseudonym and nickname off the ones that have
     * started (staff still mark them), forgets her list, and returns every code that was hers.
     */
    static final String ERASE = """
            local codes = redis.call('hkeys', KEYS[1])
            for _, code in ipairs(codes) do
                local key = ARGV[3] .. code
                local f = redis.call('hmget', key, 'conversation', 'slot', 'service', 'day', 'start')
                if f[1] == ARGV[1] then
                    if tonumber(f[5]) > tonumber(ARGV[2]) then
                        redis.call('srem', ARGV[3] .. 'slot:' .. f[2], code)
                        redis.call('srem', ARGV[3] .. 'day:' .. f[3] .. ':' .. f[4], code)
                        redis.call('del', key)
                    else
                        redis.call('hdel', key, 'conversation', 'nickname')
                    end
                end
            end
            redis.call('del', KEYS[1])
            return codes
            """;

    /**
     * KEYS: booking, person, new slot set, new day set. ARGV: code, conversation, now ms,
     * booking key prefix, new slot, service, new start ms, new end ms, new day, capacity, ttl ms.
     */
    static final String MOVE = EXTEND + """
            local f = redis.call('hmget', KEYS[1], 'conversation', 'slot', 'service', 'day', 'start')
            if f[1] ~= ARGV[2] or tonumber(f[5]) <= tonumber(ARGV[3]) then return 'NOT_FOUND' end
            if f[3] ~= ARGV[6] then return 'OTHER_SERVICE' end
            if f[2] == ARGV[5] then return 'OK' end
            if tonumber(ARGV[7]) <= tonumber(ARGV[3]) then return 'SLOT_GONE' end
            local mine = redis.call('hgetall', KEYS[2])
            for i = 1, #mine, 2 do
                if mine[i] ~= ARGV[1] and string.match(mine[i + 1], '^.-|(.-)|') == ARGV[5] then
                    return 'ALREADY_BOOKED'
                end
            end
            if redis.call('scard', KEYS[3]) >= tonumber(ARGV[10]) then return 'SLOT_FULL' end
            redis.call('srem', ARGV[4] .. 'slot:' .. f[2], ARGV[1])
            redis.call('srem', ARGV[4] .. 'day:' .. f[3] .. ':' .. f[4], ARGV[1])
            redis.call('sadd', KEYS[3], ARGV[1])
            extend(KEYS[3], ARGV[11])
            redis.call('sadd', KEYS[4], ARGV[1])
            extend(KEYS[4], ARGV[11])
            redis.call('hset', KEYS[1], 'slot', ARGV[5], 'start', ARGV[7], 'end', ARGV[8], 'day', ARGV[9])
            redis.call('pexpire', KEYS[1], ARGV[11])
            redis.call('hset', KEYS[2], ARGV[1], ARGV[6] .. '|' .. ARGV[5] .. '|' .. ARGV[8])
            extend(KEYS[2], ARGV[11])
            return 'OK'
            """;

    private BookingScripts() {
    }
}
