package org.lumbung.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The operator page's buttons on a source, each posting to {@code /admin/ui/sources/<id>/<name>} and doing what the
 * admin API's endpoint of the same name does, through the same {@link AdminActions}. A new action is one more constant
 * here: its button, when the page offers it, and what it does.
 */
public enum SourceAction {
    PAUSE("Pause", s -> !s.paused(), (actions, id) -> {
        actions.pause(id, true);
        return "paused " + id + ": its schedule and triggers skip it until resumed";
    }),
    RESUME("Resume", SourceSummary::paused, (actions, id) -> {
        actions.pause(id, false);
        return "resumed " + id;
    }),
    STOP("Stop", s -> s.running() && !s.stopRequested(), (actions, id) -> "stopping " + id + ": "
            + actions.stop(id).get("holder") + " stops its harvest at the next page"),
    ACCEPT_MOVE("Accept move", s -> s.moved() != null, (actions, id) -> {
        Map<String, Object> accepted = actions.acceptMove(id);
        return "accepted the move of " + id + ": harvested at " + accepted.get("to") + " from now on";
    });

    private final String label;
    private final Predicate<SourceSummary> offered;
    private final BiFunction<AdminActions, String, String> run;

    SourceAction(String label, Predicate<SourceSummary> offered, BiFunction<AdminActions, String, String> run) {
        this.label = label;
        this.offered = offered;
        this.run = run;
    }

    /** The last part of its form's path: {@code pause}, {@code accept-move}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    /** Whether the page offers it on the source as it is now. */
    public boolean offeredOn(SourceSummary source) {
        return offered.test(source);
    }

    /** Does it; what the page says after. Unknown sources and refusals throw as the admin API's actions do. */
    public String run(AdminActions actions, String sourceId) {
        return run.apply(actions, sourceId);
    }

    public static Optional<SourceAction> of(String path) {
        return Arrays.stream(values()).filter(a -> a.path().equals(path)).findFirst();
    }
}
