package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lumbung.http.AddressGuard;
import org.lumbung.http.HttpFetcher;
import org.lumbung.pipeline.FailureKind;

/**
 * Asks a repository what it is: Identify, ListMetadataFormats and ListSets (following tokens). Also finds the OAI-PMH
 * endpoint of a repository or journal homepage by trying the paths the common platforms use.
 */
public final class OaiInspector {

    /** What a repository says of itself. */
    public record Inspection(String baseUrl, Identify identify, List<MetadataFormat> formats, List<OaiSet> sets) {
    }

    private final HttpFetcher fetcher;
    private final boolean trusted;

    /** An inspector for addresses the operator gives (the command line, the sources file): their hosts are trusted. */
    public OaiInspector(HttpFetcher fetcher) {
        this(fetcher, true);
    }

    private OaiInspector(HttpFetcher fetcher, boolean trusted) {
        this.fetcher = fetcher;
        this.trusted = trusted;
    }

    /**
     * An inspector for addresses from outside (the admin API): like harvested links, they may not reach loopback,
     * private or link-local addresses unless {@link AddressGuard}'s configuration allows them.
     */
    public static OaiInspector untrusted(HttpFetcher fetcher) {
        return new OaiInspector(fetcher, false);
    }

    /** What the repository says of itself; a base URL that moved permanently is inspected, and named, where it went. */
    public Inspection inspect(String address) throws HarvestException {
        OaiClient found = client(address);
        Identify identify = found.identify();
        String baseUrl = found.movedTo() != null ? found.movedTo() : address;
        OaiClient client = client(baseUrl);
        String formatsUrl = OaiRequest.verb(baseUrl, Verb.Type.ListMetadataFormats).url();
        List<MetadataFormat> formats = client.page(formatsUrl).formats();
        List<OaiSet> sets = new ArrayList<>();
        String url = OaiRequest.verb(baseUrl, Verb.Type.ListSets).url();
        Set<String> seen = new LinkedHashSet<>();
        while (url != null) {
            OaiPage page;
            try {
                page = client.page(url);
            } catch (HarvestException e) {
                if (e.oaiCode() == Error.Code.NO_SET_HIERARCHY) {
                    break;
                }
                throw e;
            }
            sets.addAll(page.sets());
            String token = page.nextToken();
            url = token == null || !seen.add(token) ? null : OaiRequest.resume(baseUrl, Verb.Type.ListSets, token).url();
        }
        return new Inspection(baseUrl, identify, formats, sets);
    }

    /**
     * The OAI-PMH base URL behind an address: the address itself if it answers Identify, else the first of the
     * platforms' usual paths that does (OJS {@code /index.php/<journal>/oai}, DSpace {@code /oai/request} and
     * {@code /server/oai/request}, EPrints {@code /cgi/oai2}, Invenio {@code /oai2d}, Dataverse {@code /oai}). One
     * that moved permanently is found where it went, so that the source is added at its new address.
     */
    public Inspection find(String address) throws HarvestException {
        HarvestException first = null;
        for (String candidate : candidates(address)) {
            try {
                OaiClient client = client(candidate);
                Identify identify = client.identify();
                return new Inspection(client.movedTo() != null ? client.movedTo() : candidate, identify, List.of(),
                        List.of());
            } catch (HarvestException e) {
                if (e.kind() == FailureKind.BOT_WALL) {
                    throw e; // the host's wall stands in front of every path
                }
                if (!e.kind().transientFault() && e.kind().transport()) {
                    // every path is on the same host: a name that does not resolve or a refused port fails them all
                    throw new HarvestException(e.kind(), "-", address, 0, null, "no OAI-PMH endpoint at " + address
                            + ": " + e.reason().replaceFirst("^cannot reach the repository: ", ""), e);
                }
                first = first == null ? e : first;
            }
        }
        throw new HarvestException("-", address, "no OAI-PMH endpoint found at " + String.join(", ",
                candidates(address)) + (first == null ? "" : " (first answer: " + first.reason() + ")"));
    }

    static List<String> candidates(String address) {
        String trimmed = address.trim().replaceAll("/+$", "");
        URI uri = URI.create(trimmed);
        String root = uri.getScheme() + "://" + uri.getRawAuthority();
        Set<String> out = new LinkedHashSet<>();
        out.add(trimmed);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        java.util.regex.Matcher ojs = java.util.regex.Pattern.compile("^(.*?/index\\.php/[^/]+)").matcher(path);
        if (ojs.find()) {
            out.add(root + ojs.group(1) + "/oai");
        }
        if (!path.toLowerCase(Locale.ROOT).endsWith("/oai") && !path.isEmpty()) {
            out.add(trimmed + "/oai");
        }
        for (String usual : List.of("/oai/request", "/server/oai/request", "/cgi/oai2", "/oai2d", "/oai",
                "/index.php/index/oai")) {
            out.add(root + usual);
        }
        return new ArrayList<>(out);
    }

    private OaiClient client(String baseUrl) {
        return new OaiClient(fetcher, new HarvestRequest("inspect", baseUrl, "oai_dc", null, null, null,
                SourceOptions.DEFAULT.followingMoves(true)), new HarvestCounters(), 0, trusted, CheckpointStore.NONE);
    }
}
