package org.lumbung.harvest;

import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OAI-PMH request URL. Arguments are percent-encoded (a space as %20, never +, since repositories differ on +);
 * a resumption token is sent alone with the verb, exactly as the repository gave it.
 */
public final class OaiRequest {

    private final String baseUrl;
    private final Map<Verb.Argument, String> arguments = new LinkedHashMap<>();

    private OaiRequest(String baseUrl, Verb.Type verb) {
        this.baseUrl = baseUrl;
        arguments.put(Verb.Argument.Verb, verb.displayName());
    }

    public static OaiRequest listRecords(String baseUrl, String metadataPrefix, String set, String from, String until) {
        return list(Verb.Type.ListRecords, baseUrl, metadataPrefix, set, from, until);
    }

    public static OaiRequest listIdentifiers(String baseUrl, String metadataPrefix, String set, String from,
                                             String until) {
        return list(Verb.Type.ListIdentifiers, baseUrl, metadataPrefix, set, from, until);
    }

    private static OaiRequest list(Verb.Type verb, String baseUrl, String metadataPrefix, String set, String from,
                                   String until) {
        OaiRequest request = new OaiRequest(baseUrl, verb);
        request.put(Verb.Argument.MetadataPrefix, metadataPrefix);
        request.put(Verb.Argument.Set, set);
        request.put(Verb.Argument.From, from);
        request.put(Verb.Argument.Until, until);
        return request;
    }

    public static OaiRequest getRecord(String baseUrl, String identifier, String metadataPrefix) {
        OaiRequest request = new OaiRequest(baseUrl, Verb.Type.GetRecord);
        request.put(Verb.Argument.Identifier, identifier);
        request.put(Verb.Argument.MetadataPrefix, metadataPrefix);
        return request;
    }

    /** A verb without arguments: Identify, ListMetadataFormats, ListSets. */
    public static OaiRequest verb(String baseUrl, Verb.Type verb) {
        return new OaiRequest(baseUrl, verb);
    }

    /** The next page of a list: the verb and the token, nothing else (OAI-PMH 2.0, section 3.5). */
    public static OaiRequest resume(String baseUrl, Verb.Type verb, String resumptionToken) {
        OaiRequest request = new OaiRequest(baseUrl, verb);
        request.put(Verb.Argument.ResumptionToken, resumptionToken);
        return request;
    }

    private void put(Verb.Argument argument, String value) {
        if (value != null && !value.isEmpty()) {
            arguments.put(argument, value);
        }
    }

    public String url() {
        StringBuilder url = new StringBuilder(baseUrl);
        // A base URL may carry a query of its own (pycsw: ?mode=oaipmh); arguments then follow with &.
        char separator = baseUrl.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<Verb.Argument, String> e : arguments.entrySet()) {
            url.append(separator).append(e.getKey().toString()).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return url();
    }
}
