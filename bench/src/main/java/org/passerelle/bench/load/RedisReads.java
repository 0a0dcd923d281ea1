package org.passerelle.bench.load;

import redis.clients.jedis.Jedis;

/**
 * Round trips as the Redis server counts them: {@code total_reads_processed} in {@code INFO
 * stats} goes up by one each time the server reads what a client sent, which for a client that
 * waits for its answers is one round trip (a pipeline, a {@code MULTI}…{@code EXEC} written at
 * once or a script is one read). Reading the server's own figure keeps the application's
 * connection direct, with nothing in between to slow it.
 */
final class RedisReads implements AutoCloseable {

    private static final String FIELD = "total_reads_processed:";

    private final Jedis jedis;
    private long mark;

    /** Opens the connection that asks, so that asking costs one read and nothing more. */
    RedisReads(int redisPort) {
        this.jedis = new Jedis("127.0.0.1", redisPort);
        this.mark = total();
    }

    /** Counts from now. */
    void reset() {
        mark = total();
    }

    /** The reads of every other client since the last {@link #reset()} (or the opening). */
    long sinceReset() {
        // Each INFO is itself one read, counted in the later total.
        return total() - mark - 1;
    }

    private long total() {
        return parse(jedis.info("stats"));
    }

    @Override
    public void close() {
        jedis.close();
    }

    static long parse(String info) {
        for (var line : info.split("\r?\n")) {
            if (line.startsWith(FIELD)) {
                return Long.parseLong(line.substring(FIELD.length()).strip());
            }
        }
        throw new IllegalStateException("this Redis does not report " + FIELD);
    }
}
