package org.lumbung.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lumbung.App;
import org.lumbung.config.Components;
import org.lumbung.config.Lumbung;
import org.lumbung.harvest.AuditReport;
import org.lumbung.harvest.AuditRequest;
import org.lumbung.harvest.HarvestReport;
import org.lumbung.harvest.SourceAuditor;
import org.lumbung.pipeline.Delivery;
import org.lumbung.source.SourceRegistry;
import org.lumbung.source.SourceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Audits one source under its lease: lists the repository's identifiers and compares them with the index, prints
 * the counts and one line per kind found, and stores the report. With --repair it repairs what it found, then audits
 * again to prove the repair. Exit status 0 only when the (last) audit proves the source complete.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Compare a source's records in the index with the identifiers its repository lists.")
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The source to audit.")
    String id;

    @Option(names = "--repair", description = "Fetch what is missing or stale and tombstone what is gone, then audit"
            + " again.")
    boolean repair;

    @Override
    public Integer call() throws Exception {
        try (Lumbung lumbung = Lumbung.start(common.settings(Map.of()))) {
            Components c = lumbung.components();
            SourceRegistry registry = c.sourceRegistry();
            AuditRequest request = registry.auditRequest(id);
            if (request == null) {
                System.err.println("lumbung: no OAI-PMH source '" + id + "' with a known base URL (sources list)");
                return App.FAILED;
            }
            if (!registry.store().acquire(id)) {
                SourceState.Lease lease = registry.store().get(id).map(SourceState::lease).orElse(null);
                System.err.println("lumbung: source " + id + " is being harvested or audited by " + (lease == null
                        ? "another Lumbung" : lease.owner() + " (lease until " + lease.expiresAt() + ")"));
                return App.FAILED;
            }
            try {
                AuditReport last = lumbung.withRoutes(routes -> {
                    SourceAuditor auditor = c.auditor(batch -> routes.requestBody("direct:records", batch,
                            Delivery.class), r -> routes.requestBody("direct:harvest", r, HarvestReport.class));
                    AuditReport report = c.reports().save(auditor.audit(request.withRepair(repair)));
                    System.out.println(report.summary());
                    if (!repair || report.clean() || !report.complete()) {
                        return report;
                    }
                    AuditReport again = c.reports().save(auditor.audit(request));
                    System.out.println(again.summary());
                    return again;
                });
                return last.clean() ? App.OK : App.FAILED;
            } finally {
                registry.release(id, null);
            }
        }
    }
}
