package org.lumbung.es.analysis;

import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Drops the English possessive 's, as the built-in possessive_english stemmer does. */
@NamedComponent("lumbung_english_possessive")
public final class EnglishPossessiveFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return new EnglishPossessiveFilter(in);
    }
}
