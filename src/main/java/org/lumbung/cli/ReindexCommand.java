package org.lumbung.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import org.lumbung.reindex.Reindexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Rebuilds the records index from the raw archive and moves the alias to it; searches and harvests go on meanwhile. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the records index from the raw records it keeps, with this Lumbung's crosswalks and "
                + "extractors: no harvesting again, no downtime. Searches use the old index until the alias moves; "
                + "writes made meanwhile (by this or any other Lumbung) go to both. The old index is kept."})
public final class ReindexCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws Exception {
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            Reindexer.Result result = lumbung.components().reindexer().reindex();
            System.out.println(result);
            System.out.println("alias " + lumbung.components().layout().recordsAlias() + " now stands for "
                    + result.to() + "; " + result.from() + " is kept: delete it (DELETE /" + result.from()
                    + ") when it is no longer wanted");
            return result.failed() == 0 ? App.OK : App.FAILED;
        }
    }
}
