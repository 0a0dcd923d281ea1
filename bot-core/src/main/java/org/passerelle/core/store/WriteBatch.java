package org.passerelle.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import redis.clients.jedis.PipeliningBase;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Writes that several parts contribute to one step (the end of a turn: her state, the outbox,
 * counters, the redelivery mark, the lock's release), sent as one {@code MULTI}…{@code EXEC}, so
 * in one round trip and applied together. Commands whose answer is needed cannot be batched:
 * nothing is read back but the scripts' errors. A script the server does not know yet is run
 * again by its text after the transaction. Not thread-safe: one per step.
 */
public final class WriteBatch {

    private record Queued(Consumer<PipeliningBase> command, RedisScript script, List<String> keys,
            List<String> args) {
    }

    private final List<Queued> queued = new ArrayList<>();

    /** Adds commands, written in a transaction or a pipeline; their answers are not read. */
    public WriteBatch add(Consumer<PipeliningBase> commands) {
        queued.add(new Queued(commands, null, null, null));
        return this;
    }

    /** Adds a script run by its digest; its answer is not read, an error it raises is thrown. */
    public WriteBatch script(RedisScript script, List<String> keys, List<String> args) {
        queued.add(new Queued(null, script, List.copyOf(keys), List.copyOf(args)));
        return this;
    }

    /** Whether nothing was added. */
    public boolean isEmpty() {
        return queued.isEmpty();
    }

    /**
     * Sends everything in one transaction: the commands in the order added, then the scripts in
     * the order added.
     *
     * @throws StoreUnavailableException when Redis fails, or a script raises an error
     */
    public void run(RedisStore store) {
        if (queued.isEmpty()) {
            return;
        }
        var scripts = queued.stream().filter(entry -> entry.script() != null).toList();
        store.call(jedis -> {
            Response<Object> exec;
            // MULTI, the commands and EXEC written at once: Jedis' own transaction waits for the QUEUED replies.
            try (var pipeline = store.pipelineOnOneNode()) {
                pipeline.sendCommand(Protocol.Command.MULTI, new String[0]);
                queued.stream().filter(entry -> entry.script() == null).forEach(entry -> entry.command().accept(pipeline));
                scripts.forEach(entry -> entry.script().queue(pipeline, entry.keys(), entry.args()));
                exec = pipeline.sendCommand(Protocol.Command.EXEC, new String[0]);
                pipeline.sync();
            }
            var results = (List<?>) exec.get();
            int first = results.size() - scripts.size();
            for (int i = 0; i < scripts.size(); i++) {
                rerunIfUnknown(results.get(first + i), scripts.get(i), jedis);
            }
            return null;
        });
    }

    // A server that lost its scripts (restarted, failed over) runs this one alone, by its text.
    private static void rerunIfUnknown(Object answer, Queued entry, UnifiedJedis jedis) {
        if (answer instanceof JedisDataException e) {
            if (!RedisScript.unknown(e)) {
                throw e;
            }
            entry.script().run(jedis, entry.keys(), entry.args());
        }
    }
}
