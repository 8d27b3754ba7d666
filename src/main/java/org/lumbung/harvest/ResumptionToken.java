package org.lumbung.harvest;

/**
 * The resumption token of a list page. {@code value} is kept exactly as received (it is sent back byte for byte);
 * an empty value ends the list. completeListSize and cursor are -1 when the repository does not give them.
 */
public record ResumptionToken(String value, long completeListSize, long cursor, String expirationDate) {

    public boolean endsList() {
        return value == null || value.isEmpty();
    }
}
