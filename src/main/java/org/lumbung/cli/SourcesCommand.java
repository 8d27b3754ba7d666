package org.lumbung.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.lumbung.App;
import org.lumbung.config.Components;
import org.lumbung.config.Lumbung;
import org.lumbung.harvest.Checkpoint;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiInspector;
import org.lumbung.ops.AlertWebhook;
import org.lumbung.ops.SourceHealth;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.SourceId;
import org.lumbung.source.LeaseHolder;
import org.lumbung.source.Source;
import org.lumbung.source.SourceRegistry;
import org.lumbung.source.SourceState;
import org.lumbung.source.SourceStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The live source list: add (finding the OAI-PMH endpoint), list (with checkpoints and health), remove, pause and
 * resume, stop a running harvest, and accept a move of a source's base URL.
 */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Add, list, remove, pause, resume sources; stop a running harvest; accept a moved base URL.",
        subcommands = {SourcesCommand.Add.class, SourcesCommand.ListSources.class, SourcesCommand.Remove.class,
            SourcesCommand.Pause.class, SourcesCommand.Resume.class, SourcesCommand.Stop.class,
            SourcesCommand.AcceptMove.class})
public final class SourcesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return App.USAGE;
    }

    /** Adds a repository, found from its homepage or base URL. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a repository: its homepage or OAI-PMH base URL (the endpoint is found by probing).")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Parameters(index = "0", paramLabel = "URL", description = "The repository's homepage or OAI-PMH base URL.")
        String address;

        @Option(names = "--id", paramLabel = "ID", description = "Source id; default derived from the base URL.")
        String id;

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "metadataPrefix; default oai_dc.")
        String prefix = "oai_dc";

        @Option(names = "--schedule", paramLabel = "CRON", description = "Quartz cron; default 0 0 3 * * ?.")
        String schedule = "0 0 3 * * ?";

        @Override
        public Integer call() throws Exception {
            if (!address.matches("(?i)https?://.+")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "URL must be http(s): " + address);
            }
            if (!org.quartz.CronExpression.isValidExpression(schedule)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--schedule is not a Quartz cron");
            }
            try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
                OaiInspector.Inspection found;
                try {
                    found = new OaiInspector(lumbung.components().fetcher()).find(address);
                } catch (HarvestException e) {
                    System.err.println("lumbung: " + e.getMessage());
                    return App.FAILED;
                }
                String sourceId = CommonOptions.sourceId(id != null ? id : SourceId.fromUrl(found.baseUrl()), this);
                Source source = lumbung.components().sourceRegistry().add(found, sourceId, prefix, schedule);
                System.out.println("added source " + sourceId + ": " + found.baseUrl() + " (" + source.platform()
                        + ", '" + source.name() + "', schedule " + schedule + ")");
                return App.OK;
            }
        }
    }

    /** Lists the sources with their checkpoint, last run and health. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the sources, checkpoints and last runs.")
    static final class ListSources implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Override
        public Integer call() throws Exception {
            try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
                List<SourceState> all = lumbung.components().sourceStore().all();
                Map<String, SourceHealth.Audit> audits = lumbung.components().sourceHealth().lastAudits();
                List<String> adHoc = all.stream().filter(s -> s.definition() == null).map(SourceState::id).toList();
                SourceStore store = lumbung.components().sourceStore();
                all.stream().filter(s -> s.definition() != null).forEach(s -> System.out.println(
                        describe(s, store.holder(s).orElse(null)) + lastAudit(audits.get(s.id()))));
                System.out.println((all.size() - adHoc.size()) + " sources" + (adHoc.isEmpty() ? ""
                        : "; checkpoints of ad-hoc harvests, not sources (sources add makes one): "
                        + String.join(", ", adHoc)));
                return App.OK;
            }
        }

        /** The line of a source's last audit: when, how it ended, what it found. */
        static String lastAudit(SourceHealth.Audit a) {
            return a == null ? "" : "\n    last audit: " + a.outcome() + " at " + a.finishedAt() + ", " + a.listed()
                    + " listed" + (a.advertised() == null ? "" : " of " + a.advertised() + " advertised") + ", "
                    + a.missing() + " missing, " + a.stale() + " stale, " + a.extra() + " extra";
        }

        /** The source's lines; {@code holder}: who holds its lease now (null: nobody), as the store sees it. */
        static String describe(SourceState s, LeaseHolder holder) {
            Source d = s.definition();
            StringBuilder line = new StringBuilder(s.id());
            if (d != null) {
                line.append("  ").append(d.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(d.platform())
                        .append("  ").append(d.kind() == Source.Kind.OAI ? d.baseUrl() : d.pages().size() + " pages")
                        .append("  '").append(d.schedule()).append('\'');
            }
            if (s.paused()) {
                line.append("\n    paused: skipped by its schedule until `sources resume ").append(s.id()).append('`');
            }
            if (s.stopRequested() != null) {
                line.append("\n    stop requested at ").append(s.stopRequested())
                        .append(": its run stops at the next page, with its checkpoint there");
            }
            line.append(moves(s));
            if (s.format() != null) {
                line.append("\n    format: ").append(s.format()).append(" (chosen for metadataPrefix auto)");
            }
            for (Checkpoint c : s.checkpoints()) {
                line.append("\n    checkpoint").append(c.set().isEmpty() ? "" : " set " + c.set()).append(": ")
                        .append(c.inProgress() ? "harvest in progress, " : "").append(c.describe());
            }
            SourceState.LastRun run = s.lastRun();
            line.append("\n    last run: ").append(run == null ? "never" : run.outcome() + " at " + run.finishedAt()
                    + ", " + run.indexed() + " indexed, " + run.deleted() + " deleted, " + run.failed() + " failed"
                    + (run.error() == null ? "" : " (" + run.error() + ")"));
            if (holder != null && holder.running()) {
                line.append("\n    running now in ").append(holder.owner()).append(" (lease generation ")
                        .append(holder.generation()).append(", renewed until ").append(holder.expiresAt()).append(')');
            } else if (holder != null) {
                line.append("\n    left unfinished by ").append(holder.owner()).append(" (lease generation ")
                        .append(holder.generation()).append("): ").append(holder.describe())
                        .append("; another worker's takeover sweep runs it again");
            }
            s.quirks().forEach((k, v) -> line.append("\n    quirk ").append(k).append(": ").append(v));
            return line.toString();
        }
    }

    /** The lines of the source's moves: the last one seen, waiting or followed, and the one accepted. */
    static String moves(SourceState s) {
        StringBuilder lines = new StringBuilder();
        SourceState.Move seen = s.moved();
        if (seen != null) {
            lines.append("\n    moved: ").append(seen.from()).append(" -> ").append(seen.to())
                    .append(" (permanent redirect, first seen ").append(seen.at()).append(")")
                    .append(s.movePending() ? "; its harvests stop there until `sources accept-move " + s.id() + "`"
                            : "; followed (followMoves: true)");
        }
        SourceState.Move accepted = s.moveAccepted();
        if (accepted != null) {
            lines.append("\n    move accepted at ").append(accepted.at()).append(": harvested at ")
                    .append(accepted.to()).append(" instead of ").append(accepted.from())
                    .append(" (a baseUrl edited to it makes this moot)");
        }
        return lines.toString();
    }

    /** Removes a source: its schedule stops and its records become tombstones. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a source: its schedule stops and its records become tombstones.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Parameters(index = "0", paramLabel = "ID", description = "The source to remove.")
        String id;

        @Override
        public Integer call() throws Exception {
            try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
                Components c = lumbung.components();
                if (c.sourceStore().get(id).filter(s -> !s.removed()).isEmpty()) {
                    System.err.println("lumbung: no source '" + id + "'");
                    return App.FAILED;
                }
                Outcome outcome = lumbung.withRoutes(routes -> c.sourceRemoval(
                        batch -> routes.requestBody("direct:index", batch, Delivery.class)).remove(id));
                System.out.println("removed source " + id + ": " + outcome.deleted() + " records are now tombstones"
                        + (outcome.failed() == 0 ? "" : ", " + outcome.failed() + " failed"));
                return outcome.failed() == 0 ? App.OK : App.FAILED;
            }
        }
    }

    /** Pauses a source: its schedule and every trigger skip it, its checkpoints stay. */
    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause a source: its schedule and triggers skip it until resumed; its checkpoints stay.")
    static final class Pause implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Parameters(index = "0", paramLabel = "ID", description = "The source to pause.")
        String id;

        @Override
        public Integer call() throws Exception {
            return pause(common, id, true);
        }
    }

    /** Resumes a paused source: its next trigger runs it from its checkpoints. */
    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resume a paused source: its next trigger runs it from its checkpoints.")
    static final class Resume implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Parameters(index = "0", paramLabel = "ID", description = "The source to resume.")
        String id;

        @Override
        public Integer call() throws Exception {
            return pause(common, id, false);
        }
    }

    /** Stops a running harvest at its next page, on whichever Lumbung holds its lease. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the source's running harvest at its next page, with its checkpoint there, on whichever"
                    + " Lumbung runs it; the next run resumes from that page. Exit 1 when no harvest of it runs.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Parameters(index = "0", paramLabel = "ID", description = "The source whose harvest to stop.")
        String id;

        @Override
        public Integer call() throws Exception {
            return ask(common, id, SourceRegistry::stop, "; nothing to stop", request -> "stopping source " + id
                    + ": " + request.holder() + " stops its harvest at the next page (sources list shows its last run"
                    + " once it has)");
        }
    }

    /** Accepts the last move of a source's base URL seen: its harvests ask the new address from now on. */
    @Command(name = "accept-move", mixinStandardHelpOptions = true,
            description = "Accept the move of the source's base URL that its harvests stopped at (sources list shows"
                    + " it): they ask the new address from now on. Exit 1 when no move was seen.")
    static final class AcceptMove implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Parameters(index = "0", paramLabel = "ID", description = "The source whose move to accept.")
        String id;

        @Override
        public Integer call() throws Exception {
            return ask(common, id, SourceRegistry::acceptMove, "", acceptance -> "source " + id + ": the move of "
                    + acceptance.move().from() + " to " + acceptance.move().to() + " accepted; its next run harvests"
                    + " the new address", AcceptMove::closeAlert);
        }

        /** The {@code moved} alert closes now, its webhook told before the command ends, not at a server's check. */
        private static void closeAlert(Components components, String id) throws InterruptedException {
            try (AlertWebhook webhook = components.alertWebhook()) {
                components.alerts(webhook).moveAccepted(id);
                if (!webhook.awaitDelivery(WEBHOOK_WAIT)) {
                    System.err.println("lumbung: the webhook did not take the closed moved alert within "
                            + WEBHOOK_WAIT.toSeconds() + " s; it is closed in the source's state");
                }
            }
        }
    }

    /** What a command that closes an alert gives its webhook before ending. */
    private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(30);

    /** After a request the registry accepted: what else the command does with the running Lumbung. */
    @FunctionalInterface
    private interface Then {
        void accept(Components components, String id) throws InterruptedException;
    }

    /**
     * Asks the registry something of one source and prints the answer: exit 1 when there is no such source or the
     * request is refused (its reason, then {@code refusedEnd}), else the line the answer makes.
     */
    private static <A extends SourceStore.Answer> int ask(CommonOptions common, String id,
            BiFunction<SourceRegistry, String, Optional<A>> question, String refusedEnd, Function<A, String> line)
            throws Exception {
        return ask(common, id, question, refusedEnd, line, (components, accepted) -> { });
    }

    private static <A extends SourceStore.Answer> int ask(CommonOptions common, String id,
            BiFunction<SourceRegistry, String, Optional<A>> question, String refusedEnd, Function<A, String> line,
            Then then) throws Exception {
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            A answer = question.apply(lumbung.components().sourceRegistry(), id).orElse(null);
            if (answer == null) {
                System.err.println("lumbung: no source '" + id + "'");
                return App.FAILED;
            }
            if (!answer.accepted()) {
                System.err.println("lumbung: source " + id + " " + answer.reason() + refusedEnd);
                return App.FAILED;
            }
            System.out.println(line.apply(answer));
            then.accept(lumbung.components(), id);
            return App.OK;
        }
    }

    private static int pause(CommonOptions common, String id, boolean paused) throws Exception {
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            if (!lumbung.components().sourceRegistry().pause(id, paused)) {
                System.err.println("lumbung: no source '" + id + "'");
                return App.FAILED;
            }
            System.out.println((paused ? "paused" : "resumed") + " source " + id);
            return App.OK;
        }
    }
}
