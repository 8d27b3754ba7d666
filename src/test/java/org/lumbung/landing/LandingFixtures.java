package org.lumbung.landing;

import java.nio.charset.StandardCharsets;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.language.LanguageDetector;
import org.lumbung.testing.OaiTestServer;

/** The project's landing-page fixtures (under fixtures/landing), read by one scheme or by a whole extractor. */
final class LandingFixtures {

    static final String URL = "https://pages.example.test/article/1";

    private LandingFixtures() {
    }

    static String text(String fixture) {
        return new String(OaiTestServer.fixture("landing/" + fixture), StandardCharsets.UTF_8);
    }

    static LandingPage landingPage(String fixture) {
        return new LandingPage(URL, text(fixture), "test", fixture);
    }

    /** What one scheme alone says about the fixture page; exceptions are not caught. */
    static DcRecord scheme(SchemeExtractor scheme, String fixture) {
        return schemeOnHtml(scheme, text(fixture));
    }

    static DcRecord schemeOnHtml(SchemeExtractor scheme, String html) {
        Findings findings = new Findings();
        scheme.read(HtmlPage.parse(new LandingPage(URL, html, "test", "inline")), findings);
        DcRecordBuilder builder = new DcRecordBuilder(URL, "test");
        findings.writeTo(builder);
        return builder.build(null);
    }

    /** The record an extractor makes of the fixture, languages left as the page gives them. */
    static DcRecord read(PageExtractor extractor, String fixture) {
        return read(extractor, landingPage(fixture), null);
    }

    /** The record an extractor makes of a page, with languages detected as the ingester detects them. */
    static DcRecord read(PageExtractor extractor, LandingPage page, LanguageDetector detector) {
        DcRecordBuilder builder = new DcRecordBuilder(URL, "test");
        extractor.read(page, builder);
        return builder.build(detector);
    }
}
