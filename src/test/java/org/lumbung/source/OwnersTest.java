package org.lumbung.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which lease owners are known gone without waiting their leases out. */
class OwnersTest {

    private static final long ME = ProcessHandle.current().pid();

    @Test
    void anotherWorkerOfThisJvmIsAliveAnotherJvmWithThisPidIsGone() {
        String me = ME + "@box:abcd1234-1";
        assertThat(Owners.goneFromThisMachine(ME + "@box:abcd1234-2", me)).as("same JVM, another worker").isFalse();
        assertThat(Owners.goneFromThisMachine(ME + "@box:ffff0000-1", me))
                .as("this pid, another JVM: a restarted container's earlier self").isTrue();
        assertThat(Owners.goneFromThisMachine(ME + "@elsewhere:ffff0000-1", me)).as("another machine").isFalse();
    }

    @Test
    void aProcessOfThisMachineIsGoneOnlyWhenNoProcessHasItsPid() throws Exception {
        String me = ME + "@box:abcd1234-1";
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(Owners.goneFromThisMachine(child.pid() + "@box:0000aaaa-1", me)).isFalse();
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertThat(Owners.goneFromThisMachine(child.pid() + "@box:0000aaaa-1", me)).isTrue();
        assertThat(Owners.goneFromThisMachine("taker", me)).as("not a Lumbung name").isFalse();
    }
}
