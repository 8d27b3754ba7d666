package org.lumbung.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lumbung.config.BuildInfo;
import org.lumbung.config.Lumbung;

/** The benchmark as the {@code bench} command runs it, on the Elasticsearch of a started Lumbung. */
public final class Bench {

    /**
     * @param sizes        corpus sizes, in records
     * @param runs         runs per size
     * @param heap         the harvesting JVM's -Xmx
     * @param liveSample   milliseconds between forced full collections in the harvesting JVM; 0 for none
     * @param bulkInFlight _bulk requests the ceiling keeps in flight; 0 for no ceiling (the memory runs)
     * @param seed         seed of the synthetic records
     * @param work         where corpora, run logs and results go
     * @param settings     Lumbung settings handed on to the harvest ({@code -Dkey=value})
     * @param profile      whether each harvest records a Flight Recorder profile beside its log
     * @param jvmOptions   more options of the harvesting JVM (a class-data archive, compiler settings), after -Xmx
     */
    public record Options(List<Integer> sizes, int runs, String heap, long liveSample, int bulkInFlight, long seed,
                          Path work, Map<String, String> settings, boolean profile, List<String> jvmOptions) {
    }

    /** What was measured, and on what. */
    public static final class Result {

        private final Map<String, String> machine;
        private final Options options;
        private final List<?> sizes;
        private final String markdown;

        private Result(Map<String, String> machine, Options options, List<?> sizes, String markdown) {
            this.machine = machine;
            this.options = options;
            this.sizes = sizes;
            this.markdown = markdown;
        }

        public String markdown() {
            return markdown;
        }

        public void writeJson(Path file) throws IOException {
            BenchReport.writeJson(file, machine, options, sizes);
        }
    }

    private Bench() {
    }

    /** Lumbung's harvest beside the ceilings of its own documents and of plain Dublin Core. */
    public static Result run(Lumbung lumbung, Options options) throws IOException, InterruptedException {
        Map<String, String> machine = machine(lumbung);
        List<BenchRunner.SizeResult> sizes = new BenchRunner(lumbung.elasticsearchUrl(),
                lumbung.components().es().client(), options, lumbung.settings().indexPrefix())
                .run(lumbung.components().crosswalks());
        machine.put("loadAtEnd", Machine.load());
        return new Result(machine, options, sizes, BenchReport.markdown(machine, options, sizes));
    }

    /** What each group of the records document's fields costs Elasticsearch ({@link FieldCosts}). */
    public static Result fieldCosts(Lumbung lumbung, Options options) throws IOException, InterruptedException {
        Map<String, String> machine = machine(lumbung);
        List<FieldCosts.SizeCosts> sizes = new FieldCosts(lumbung.elasticsearchUrl(),
                lumbung.components().es().client(), options, lumbung.settings().indexPrefix())
                .run(lumbung.components().crosswalks());
        machine.put("loadAtEnd", Machine.load());
        return new Result(machine, options, sizes, BenchReport.fieldCosts(machine, options, sizes));
    }

    private static Map<String, String> machine(Lumbung lumbung) {
        Map<String, String> machine = Machine.describe();
        machine.put("lumbung", BuildInfo.version());
        machine.put("elasticsearch", BuildInfo.elasticsearchVersion() + " at " + lumbung.elasticsearchUrl());
        return machine;
    }
}
