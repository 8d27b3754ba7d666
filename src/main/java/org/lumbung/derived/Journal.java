package org.lumbung.derived;

import java.util.List;

/**
 * Where an article was published, as far as the record tells: journal title, ISSNs, volume, issue and pages (first,
 * last, and both as {@code first-last}). Any part may be null; {@link #NONE} when the record tells nothing.
 */
public record Journal(String title, List<String> issn, String volume, String issue, String firstPage,
                      String lastPage) {

    public static final Journal NONE = new Journal(null, List.of(), null, null, null, null);

    public Journal {
        issn = List.copyOf(issn);
    }

    /** {@code 10-12}, {@code 10}, or null. */
    public String pages() {
        if (firstPage == null) {
            return null;
        }
        return lastPage == null || lastPage.equals(firstPage) ? firstPage : firstPage + "-" + lastPage;
    }

    public boolean isEmpty() {
        return title == null && issn.isEmpty() && volume == null && issue == null && firstPage == null;
    }
}
