package org.lumbung.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import org.lumbung.index.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Restores a snapshot made by {@code backup}: every index of the prefix, the records alias included. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a snapshot made by backup (the latest of this prefix unless named) with the records "
                + "alias, then prepare the templates. Refuses while any of Lumbung's indices of this prefix exists, "
                + "unless --replace, which deletes them first. Harvests then resume from the restored checkpoints."})
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "0..1", paramLabel = "SNAPSHOT", description = "The snapshot to restore; default the latest.")
    String snapshot;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--replace", description = "Delete this prefix's indices first, if there are any.")
    boolean replace;

    @Override
    public Integer call() throws Exception {
        Backups.Snapshot[] restored = new Backups.Snapshot[1];
        String[] from = new String[1];
        long[] took = new long[1];
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()), (client, layout) -> {
            Backups backups = new Backups(client, layout, repository.name);
            from[0] = backups.repository();
            long started = System.nanoTime();
            restored[0] = backups.restore(snapshot, replace);
            took[0] = System.nanoTime() - started;
        })) {
            System.out.println("restored snapshot " + restored[0].name() + " from repository " + from[0] + ": "
                    + restored[0].indices() + "; alias " + lumbung.components().layout().recordsAlias() + " restored, "
                    + String.format(Locale.ROOT, "%.1f s", took[0] / 1e9));
            return App.OK;
        } catch (IllegalStateException e) {
            System.err.println("lumbung: " + e.getMessage());
            return App.FAILED;
        }
    }
}
