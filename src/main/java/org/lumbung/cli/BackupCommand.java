package org.lumbung.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import org.lumbung.index.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Snapshots everything Lumbung keeps under its prefix, or lists the snapshots made. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Snapshot Lumbung's indices (records with their raw archive, sources with their checkpoints, "
                + "harvest reports, dead letters, pages) and wait until it is done. On the embedded node the snapshot "
                + "goes to its snapshot folder (lumbung.backup.folder); on another cluster, register a snapshot "
                + "repository and name it with --repository."})
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--list", description = "List this prefix's snapshots instead of making one.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            Backups backups = new Backups(lumbung.components().es().client(), lumbung.components().layout(),
                    repository.name);
            if (list) {
                List<Backups.Snapshot> snapshots = backups.list();
                snapshots.forEach(s -> System.out.println(line(s)));
                System.out.println(snapshots.size() + " snapshots in repository " + backups.repository());
                return App.OK;
            }
            Backups.Snapshot snapshot = backups.create();
            System.out.println("snapshot " + snapshot.name() + " in repository " + backups.repository() + ": "
                    + snapshot.indices().size() + " indices " + snapshot.indices() + ", " + size(snapshot.bytes())
                    + ", " + seconds(snapshot) + " s");
            return App.OK;
        }
    }

    private static String line(Backups.Snapshot s) {
        return s.name() + "  " + s.started() + "  " + s.state() + "  " + s.indices().size() + " indices  "
                + size(s.bytes()) + "  " + seconds(s) + " s";
    }

    private static String seconds(Backups.Snapshot s) {
        return String.format(java.util.Locale.ROOT, "%.1f", s.took().toMillis() / 1000.0);
    }

    private static String size(long bytes) {
        return bytes < 1 << 20 ? String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1024.0)
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
