package org.lumbung.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import org.lumbung.index.DeadLetterStore;
import org.lumbung.index.DeadLetterStore.DeadLetter;
import org.lumbung.reindex.Replayer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The records that could not be read or indexed: list them, or replay them once the cause is fixed. */
@Command(name = "deadletter", mixinStandardHelpOptions = true,
        description = "List or replay the records that could not be read or indexed.",
        subcommands = {DeadletterCommand.ListLetters.class, DeadletterCommand.Replay.class})
public final class DeadletterCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return App.USAGE;
    }

    /** Lists dead letters. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters, oldest first.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Option(names = "--source", paramLabel = "ID", description = "Only this source's.")
        String source;

        @Option(names = "--size", paramLabel = "N", description = "At most this many; default 100.")
        int size = 100;

        @Override
        public Integer call() throws Exception {
            try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
                List<DeadLetter> letters = lumbung.components().deadLetters().list(source, size);
                for (DeadLetter d : letters) {
                    System.out.println(d.at() + "  " + d.sourceId() + "  " + d.recordId() + "  [" + d.stage() + "] "
                            + d.reason());
                }
                System.out.println(letters.size() + " dead letters");
                return App.OK;
            }
        }
    }

    /** Sends dead letters through the pipeline again; those that now index are removed. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Run dead letters through the crosswalks and the index again; the ones that succeed are removed.")
    static final class Replay implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Option(names = "--source", paramLabel = "ID", description = "Only this source's.")
        String source;

        @Override
        public Integer call() throws Exception {
            try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
                DeadLetterStore store = lumbung.components().deadLetters();
                Replayer.Result result = lumbung.withRoutes(routes ->
                        new Replayer(store, lumbung.components().es().client(), lumbung.components().layout())
                                .replay(source, routes));
                System.out.println("replayed " + result.tried() + " dead letters: " + result.indexed()
                        + " indexed and removed, " + result.stillFailing() + " still failing");
                return result.stillFailing() == 0 ? App.OK : App.FAILED;
            }
        }
    }
}
