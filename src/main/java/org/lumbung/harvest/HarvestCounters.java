package org.lumbung.harvest;

import java.util.ArrayList;
import java.util.List;
import org.lumbung.http.HttpFetcher;
import org.lumbung.pipeline.FailureKind;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;

/** The running counts of one harvest, turned into its report at the end. */
final class HarvestCounters {

    int pages;
    /** Distinct records read: each version of a record once, however often its window was read. */
    int records;
    /** Records read again (a window started again after a token could not be used), not sent a second time. */
    int rereads;
    long bytes;
    int retries;
    int repairs;
    Outcome outcome = Outcome.NONE;
    final List<RecordFailure> unreadable = new ArrayList<>();

    void fetched(HttpFetcher.Response response) {
        bytes += response.body().length;
        retries += response.attempts() - 1;
    }

    /** A request that got no answer at all: its retries count as well. */
    void unanswered(java.io.IOException failure) {
        if (failure instanceof HttpFetcher.FetchException unanswered) {
            retries += unanswered.attempts() - 1;
        }
    }

    /** The report; {@code endedBy}: the kind of the failure that stopped the harvest, null when none did. */
    HarvestReport report(HarvestRequest request, String window, String startedAt, long startNanos, String error,
                         FailureKind endedBy) {
        List<RecordFailure> failures = new ArrayList<>(outcome.failures());
        failures.addAll(unreadable);
        return new HarvestReport(request.sourceId(), request.set() == null ? "" : request.set(), window, startedAt,
                pages, outcome.indexed(), outcome.deleted(), failures, bytes, retries, repairs, rereads,
                (System.nanoTime() - startNanos) / 1e9, error == null, error, endedBy, outcome.unchanged());
    }
}
