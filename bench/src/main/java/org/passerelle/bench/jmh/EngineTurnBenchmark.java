package org.passerelle.bench.jmh;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.passerelle.bench.MessageSample;
import org.passerelle.core.barriers.BarrierSettings;
import org.passerelle.core.barriers.Barriers;
import org.passerelle.core.channel.Channel;
import org.passerelle.core.channel.InboundMessage;
import org.passerelle.core.channel.MessageIntake;
import org.passerelle.core.conversation.EngineIntake;
import org.passerelle.core.conversation.TestEngines;
import org.passerelle.core.handoff.HandoffSettings;
import org.passerelle.core.outbox.Outbox;
import org.passerelle.core.outbox.OutboxSettings;
import org.passerelle.core.stats.Stats;
import org.passerelle.core.stats.StatsSettings;
import org.passerelle.core.store.RedisStore;
import org.passerelle.core.store.TestRedis;

/**
 * One whole turn as the SMS webhook hands it over: the intake takes the message once, the engine
 * understands it, moves the conversation on in Redis (lock, state, statistics) and the replies
 * are put in the outbox. The engine is built like the application's (shipped content, hand-over
 * to mediators, statistics, barriers) on the embedded Redis, over many senders so that no one
 * reaches the per-minute limit; the outbox is not emptied, as no channel sends here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class EngineTurnBenchmark {

    /** How many people write at once; each sends far fewer than the per-minute limit. */
    @Param("20000")
    public int senders;

    private final AtomicLong sequence = new AtomicLong();
    private List<List<String>> byLanguage;
    private RedisStore store;
    private MessageIntake intake;
    private Clock clock;

    @Setup(Level.Trial)
    public void wire() {
        byLanguage = MessageSample.byLanguage();
        clock = Clock.systemUTC();
        store = TestRedis.newStore();
        var handoff = TestEngines.handoffSetup(store, HandoffSettings.defaults());
        var engine = TestEngines.engine(store, clock, handoff, new Stats(store, clock, StatsSettings.defaults()),
                new Barriers(store, clock, BarrierSettings.defaults()));
        var outbox = new Outbox(store, TestEngines.OUTBOX_SEALERS, OutboxSettings.defaults(), clock,
                engine::markStopped);
        intake = new EngineIntake(engine, outbox, store);
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public MessageIntake.Intake smsTurn() {
        long n = sequence.getAndIncrement();
        // Person n mod senders writes in one language and goes through its messages in order,
        // each from her own place in the list, as the load driver's people do.
        int sender = (int) (n % senders);
        var text = MessageSample.next(byLanguage, sender, n / senders);
        var from = "+3361" + String.format("%07d", sender);
        return intake.receive(new InboundMessage(Channel.SMS, from, text, "tw:SMbench" + n, clock.instant()));
    }
}
