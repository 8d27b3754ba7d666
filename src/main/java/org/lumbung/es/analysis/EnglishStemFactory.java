package org.lumbung.es.analysis;

import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The Porter stemmer (policies matches policy), as the built-in english stemmer does. */
@NamedComponent("lumbung_english_stem")
public final class EnglishStemFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return new PorterStemFilter(in);
    }
}
