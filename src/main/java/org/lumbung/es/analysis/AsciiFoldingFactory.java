package org.lumbung.es.analysis;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Folds accents and other marks to ASCII (Erdoğan matches erdogan); also a normaliser, for keyword-like use. */
@NamedComponent("lumbung_asciifolding")
public final class AsciiFoldingFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream in) {
        return new ASCIIFoldingFilter(in);
    }

    @Override
    public TokenStream normalize(TokenStream in) {
        return new ASCIIFoldingFilter(in);
    }
}
