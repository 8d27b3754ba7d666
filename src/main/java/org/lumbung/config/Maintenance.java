package org.lumbung.config;

import java.io.IOException;
import java.time.Duration;
import org.lumbung.index.ReportStore;

/** Daily housekeeping: reports and dead letters past their retention go. */
public final class Maintenance {

    private final ReportStore reports;
    private final Duration retention;

    public Maintenance(ReportStore reports, Duration retention) {
        this.reports = reports;
        this.retention = retention;
    }

    public int prune() throws IOException {
        return reports.prune(retention);
    }
}
