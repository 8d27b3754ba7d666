package org.lumbung.es.analysis;

import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Strips Indonesian particles, possessives and affixes (kebijakannya matches kebijakan), as the built-in indonesian stemmer does. */
@NamedComponent("lumbung_indonesian_stem")
public final class IndonesianStemFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return new IndonesianStemFilter(in);
    }
}
