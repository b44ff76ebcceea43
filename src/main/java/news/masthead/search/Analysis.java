package news.masthead.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How text becomes terms, following the site's language: the standard tokenizer, lower case, the
 * language's stop words, ASCII folding (so that "cafe" finds "café") and the stemmer. The same analyzer is used
 * for indexing, querying and highlighting.
 *
 * <p>Folding comes before stemming: readers type "cafe" and "creme brulee" without accents, and the
 * stemmer must see the same letters at query time as at index time to cut words the same way.
 */
final class Analysis {
    private Analysis() {
    }

    /** The analyzer for a BCP 47 language tag ("en", "en-GB", "fr" …); unknown languages get no stemming. */
    static Analyzer forLanguage(String languageTag) {
        String language = languageTag == null ? "" : Locale.forLanguageTag(languageTag.trim()).getLanguage();
        return switch (language) {
            case "en" -> chain(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, EnglishPossessiveFilter::new, PorterStemFilter::new);
            case "fr" -> chain(FrenchAnalyzer.getDefaultStopSet(), Analysis::elision, FrenchLightStemFilter::new);
            case "it" -> chain(ItalianAnalyzer.getDefaultStopSet(), Analysis::elision, ItalianLightStemFilter::new);
            case "de" -> chain(GermanAnalyzer.getDefaultStopSet(), UnaryOperator.identity(),
                    in -> new GermanLightStemFilter(new GermanNormalizationFilter(in)));
            case "es" -> chain(SpanishAnalyzer.getDefaultStopSet(), UnaryOperator.identity(), SpanishLightStemFilter::new);
            case "pt" -> chain(PortugueseAnalyzer.getDefaultStopSet(), UnaryOperator.identity(), PortugueseLightStemFilter::new);
            case "nl" -> chain(DutchAnalyzer.getDefaultStopSet(), UnaryOperator.identity(), in -> new SnowballFilter(in, "Dutch"));
            case "sv" -> chain(SwedishAnalyzer.getDefaultStopSet(), UnaryOperator.identity(), SwedishLightStemFilter::new);
            case "da" -> chain(DanishAnalyzer.getDefaultStopSet(), UnaryOperator.identity(), in -> new SnowballFilter(in, "Danish"));
            case "no", "nb", "nn" -> chain(NorwegianAnalyzer.getDefaultStopSet(), UnaryOperator.identity(), NorwegianLightStemFilter::new);
            case "fi" -> chain(FinnishAnalyzer.getDefaultStopSet(), UnaryOperator.identity(), FinnishLightStemFilter::new);
            default -> chain(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, UnaryOperator.identity(), UnaryOperator.identity());
        };
    }

    private static final CharArraySet ELIDED = new CharArraySet(
            Arrays.asList("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
                    "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un"), true);

    private static TokenStream elision(TokenStream in) {
        return new ElisionFilter(in, ELIDED);
    }

    /**
     * tokenizer → before-lower-case step (possessive, elision) → lower case → stop words → ASCII
     * folding → stemmer.
     */
    private static Analyzer chain(CharArraySet stopWords, UnaryOperator<TokenStream> beforeLowerCase,
                                  UnaryOperator<TokenStream> stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = beforeLowerCase.apply(source);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, stopWords);
                stream = new ASCIIFoldingFilter(stream);
                stream = stemmer.apply(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
