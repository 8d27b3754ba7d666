package org.lumbung.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The benchmarks' inputs, read from the class path (src/jmh/resources, the test fixtures, the packaged seeds). */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " on the class path");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The format's fixture, {@code formats/<metadataPrefix>.xml}, as an OAI-PMH response: a response as it is, a bare
     * metadata document (a crosswalk's golden input) as the one record of a GetRecord answer.
     */
    static byte[] oaiResponse(String metadataPrefix) throws IOException {
        String xml = new String(bytes("formats/" + metadataPrefix + ".xml"), StandardCharsets.UTF_8);
        if (xml.substring(0, Math.min(xml.length(), 4096)).contains("<OAI-PMH")) {
            return xml.getBytes(StandardCharsets.UTF_8);
        }
        String document = xml.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
        return ("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-01-01T00:00:00Z"
                + "</responseDate><request verb=\"GetRecord\">http://127.0.0.1/oai</request><GetRecord><record><header>"
                + "<identifier>oai:bench:" + metadataPrefix + "</identifier><datestamp>2026-01-01</datestamp></header>"
                + "<metadata>" + document + "</metadata></record></GetRecord></OAI-PMH>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
