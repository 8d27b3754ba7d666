package org.lumbung.index;

import java.util.ArrayList;
import java.util.List;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;

/**
 * The articles of one journal as its repository lists them, each with its own address and also the journal's home
 * page and the DOI among its identifiers (as OJS and DSpace records often have), and a mirror's record of one
 * of them in another repository.
 */
final class JournalRecords {

    static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);
    static final Crosswalks CROSSWALKS = Crosswalks.standard(DETECTOR);
    static final PageRecords PAGES = new PageRecords(DETECTOR);
    static final RawArchive ARCHIVE = new RawArchive(CROSSWALKS, PAGES);
    static final String SOURCE = "jhl";
    private static final String SHARED = "<dc:identifier>https://jurnal.example.ac.id/index.php/jhl</dc:identifier>"
            + "<dc:identifier>10.1234/jhl.v1i1</dc:identifier>";

    private JournalRecords() {
    }

    /** The document id of article {@code n}. */
    static String id(int n) {
        return SOURCE + ":oai:jurnal.example.ac.id:article/" + n;
    }

    static String title(int n) {
        return "Artikel nomor " + n + " tentang hukum laut";
    }

    /** Articles {@code from} (inclusive) to {@code to} (exclusive) of the journal's own repository. */
    static List<DcRecord> articles(int from, int to) throws Exception {
        List<DcRecord> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(record(SOURCE, "oai:jurnal.example.ac.id:article/" + i, i));
        }
        return out;
    }

    /** Article {@code n} listed a second time by the journal's own repository, under another identifier. */
    static DcRecord duplicateOf(int n) throws Exception {
        return record(SOURCE, "oai:jurnal.example.ac.id:article/" + n + "-copy", n);
    }

    /** Article {@code n} as the repository lists it after renaming its items (a new identifier scheme). */
    static DcRecord renamedOf(int n) throws Exception {
        return record(SOURCE, "oai:jurnal.example.ac.id:item/" + n, n);
    }

    /** Article {@code n} as a mirror's repository lists it: the same identifiers, the shared ones included. */
    static DcRecord mirrorOf(int n) throws Exception {
        return record("mirror", "oai:mirror.example.org:jhl-" + n, n);
    }

    /** Article {@code n} as the repository listed it before it put the journal's keys in every record. */
    static DcRecord earlierOf(int n) throws Exception {
        return record(SOURCE, "oai:jurnal.example.ac.id:article/" + n, n, "");
    }

    /** The landing page of article {@code n}, at its own address, read as Lumbung reads a page it is given. */
    static DcRecord pageOf(int n) {
        String url = "https://jurnal.example.ac.id/index.php/jhl/article/view/" + (100 + n);
        String html = "<html><head><meta name=\"citation_title\" content=\"" + title(n) + "\">"
                + "<meta name=\"citation_author\" content=\"Penulis " + n + ", Budi\">"
                + "<meta name=\"citation_date\" content=\"2024-03-01\"></head><body></body></html>";
        return PAGES.read(url, html, true, "pages", url);
    }

    private static DcRecord record(String source, String identifier, int n) throws Exception {
        return record(source, identifier, n, SHARED);
    }

    private static DcRecord record(String source, String identifier, int n, String shared) throws Exception {
        String xml = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><header><identifier>" + identifier
                + "</identifier><datestamp>2026-01-01T00:00:00Z</datestamp></header><metadata><oai_dc:dc"
                + " xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + title(n) + "</dc:title>"
                + "<dc:creator>Penulis " + n + ", Budi</dc:creator><dc:date>2024-03-01</dc:date>"
                + "<dc:identifier>https://jurnal.example.ac.id/index.php/jhl/article/view/" + (100 + n)
                + "</dc:identifier>" + shared + "</oai_dc:dc></metadata></record>";
        return CROSSWALKS.toDc(source, new OaiPageParser().parseRecord(xml, source, "oai_dc"));
    }
}
