package org.passerelle.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the heap out of {@code jcmd GC.heap_info}, whichever collector the application runs. */
class AppUnderTestTests {

    @Test
    void addsTheYoungAndTheOldGenerationOfTheSerialCollector() {
        var info = """
                 def new generation   total 78656K, used 31028K [0x00000000f0000000, 0x00000000f5550000, 0x00000000f5550000)
                  eden space 69952K,  34% used [0x00000000f0000000, 0x00000000f1752650, 0x00000000f4450000)
                  from space 8704K,  82% used [0x00000000f4cd0000, 0x00000000f53caa90, 0x00000000f5550000)
                  to   space 8704K,   0% used [0x00000000f4450000, 0x00000000f4450000, 0x00000000f4cd0000)
                 tenured generation   total 174784K, used 92148K [0x00000000f5550000, 0x0000000100000000, 0x0000000100000000)
                   the space 174784K,  52% used [0x00000000f5550000, 0x00000000faf4d238, 0x00000000faf4d400, 0x0000000100000000)
                 Metaspace       used 10460K, committed 10752K, reserved 1114112K
                  class space    used 886K, committed 1024K, reserved 1048576K
                """;

        var heap = AppUnderTest.heap(info);

        assertThat(heap.heapCommitted()).isEqualTo((78656 + 174784) / 1024);
        assertThat(heap.heapUsed()).isEqualTo((31028 + 92148) / 1024);
    }

    @Test
    void readsTheOneSpaceOfG1() {
        var info = """
                 garbage-first heap   total 262144K, used 102400K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 50 young (51200K), 5 survivors (5120K)
                 Metaspace       used 10460K, committed 10752K, reserved 1114112K
                """;

        var heap = AppUnderTest.heap(info);

        assertThat(heap.heapCommitted()).isEqualTo(256);
        assertThat(heap.heapUsed()).isEqualTo(100);
    }

    @Test
    void addsTheGenerationsOfTheParallelCollector() {
        var info = """
                 PSYoungGen      total 76288K, used 15729K [0x00000000fab00000, 0x0000000100000000, 0x0000000100000000)
                  eden space 65536K, 24% used [0x00000000fab00000,0x00000000fba5c6a0,0x00000000feb00000)
                 ParOldGen       total 175104K, used 40960K [0x00000000f0000000, 0x00000000fab00000, 0x00000000fab00000)
                  object space 175104K, 23% used [0x00000000f0000000,0x00000000f2800000,0x00000000fab00000)
                """;

        var heap = AppUnderTest.heap(info);

        assertThat(heap.heapCommitted()).isEqualTo((76288 + 175104) / 1024);
        assertThat(heap.heapUsed()).isEqualTo((15729 + 40960) / 1024);
    }

    @Test
    void saysUnknownWhenTheOutputNamesNoHeap() {
        var heap = AppUnderTest.heap("31411:\ncom.sun.tools.attach.AttachNotSupportedException: Unable to open socket file");

        assertThat(heap.heapUsed()).isEqualTo(-1);
        assertThat(heap.heapCommitted()).isEqualTo(-1);
    }

    @Test
    void saysWhetherTheStartTrainedItsIntentModelsOrLoadedThem() {
        var line = "{\"log\":{\"level\":\"INFO\"},\"message\":\"intent models ready for 8 languages in %d ms, %d of them"
                + " loaded from the cache\"}\n";

        assertThat(AppUnderTest.intentModels("starting\n" + line.formatted(2549, 0)))
                .isEqualTo("intent models of 8 languages trained in 2549 ms");
        assertThat(AppUnderTest.intentModels(line.formatted(519, 8)))
                .isEqualTo("intent models of 8 languages loaded from the model cache in 519 ms");
        assertThat(AppUnderTest.intentModels(line.formatted(711, 7)))
                .isEqualTo("intent models of 8 languages, 7 loaded from the model cache and 1 trained, in 711 ms");
        assertThat(AppUnderTest.intentModels("Started PasserelleApplication\n"))
                .isEqualTo("intent models: not found in the log");
    }
}
