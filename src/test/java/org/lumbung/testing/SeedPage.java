package org.lumbung.testing;

import java.nio.file.Path;

/** The seed page (seeds/): a plain-text dump of an OJS article page of an Indonesian university journal. */
public final class SeedPage {

    /** The article the page was saved from. */
    public static final String URL = "https://ejournal3.undip.ac.id/index.php/jihi/article/view/34353/0";

    /** The saved page, relative to the project. */
    public static final Path FILE = Path.of("seeds/000_ffdeb9f15db1918e.txt");

    private SeedPage() {
    }
}
