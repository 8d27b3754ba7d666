package org.lumbung.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import org.lumbung.search.RecordSearcher;
import org.lumbung.search.SearchHit;
import org.lumbung.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Searches the index and prints title, creators, year, source and id of each hit. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the records (Elasticsearch simple query syntax).")
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What to look for.")
    List<String> query;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--size", paramLabel = "N", description = "How many hits to print; default 10, at most 100.")
    int size = RecordSearcher.DEFAULT_SIZE;

    @Override
    public Integer call() throws Exception {
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            SearchResult result = lumbung.searcher().search(String.join(" ", query), size);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(result));
                return App.OK;
            }
            int n = 1;
            for (SearchHit hit : result.hits()) {
                System.out.printf("%d. %s%n   %s (%s)%n   source %s, id %s%n", n++, hit.title(),
                        hit.creators().isEmpty() ? "no creator" : String.join("; ", hit.creators()),
                        hit.year() == null ? "n.d." : hit.year(), hit.source(), hit.id());
            }
            System.out.printf("%d of %d records match '%s'%n", result.hits().size(), result.total(), result.query());
            return App.OK;
        }
    }
}
