package org.changchun.layout.ogc.cql2;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.InvalidQueryException;

/**
 * Parses filters in the CQL2 text encoding (OGC 21-065r2), as sent in {@code filter=} with
 * {@code filter-lang=cql2-text}, into the store-neutral {@link Filter}.
 *
 * <p>Supported: {@code AND}, {@code OR}, {@code NOT} and parentheses; {@code TRUE} and
 * {@code FALSE}; the comparisons {@code = <> < > <= >=}; {@code LIKE}, {@code BETWEEN},
 * {@code IN}, each also with {@code NOT}; {@code IS [NOT] NULL}; {@code CASEI}; arithmetic
 * ({@code + - * / % div ^} and a unary minus, read as {@code -1 *}); the eight spatial functions
 * {@code S_INTERSECTS} to {@code S_CONTAINS}; the fifteen temporal functions {@code T_AFTER} to
 * {@code T_STARTS} on instants and {@code INTERVAL}s ({@code '..'} an open end); the four array
 * functions on arrays (which the store refuses: no property here is an array); string, number,
 * boolean, {@code DATE}, {@code TIMESTAMP}, WKT and {@code BBOX} literals. Keywords are
 * case-insensitive; property names may be written bare (any script) or in double quotes.
 * Integers become Long, other numbers Double, dates LocalDate, timestamps Instant, geometries
 * JTS geometries with SRID 4326 and coordinates as written, 2D (still in the filter's CRS).
 *
 * <p>Refused with a message: functions other than these and {@code ACCENTI}.
 *
 * <p>Whatever the text, the only exception thrown is {@link InvalidQueryException}, whose
 * messages say in Chinese and English what is wrong and at which character. Nothing is logged
 * or printed. Thread-safe.
 */
public final class Cql2Text {

    /** The deepest nesting of parentheses accepted by {@link #parse(String)}. */
    public static final int DEFAULT_MAX_DEPTH = 40;

    /** The longest filter, in characters, accepted by {@link #parse(String)}. */
    public static final int DEFAULT_MAX_LENGTH = 20_000;

    private Cql2Text() {
    }

    /** {@link #parse(String, ApiCrs, int, int)} of a filter in CRS84, with the default limits. */
    public static Filter parse(String text) {
        return parse(text, ApiCrs.CRS84, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH);
    }

    /**
     * Parses a CQL2 text filter.
     *
     * @param text      the filter; {@code null}, empty or only whitespace is refused
     * @param crs       the CRS its geometry literals are written in ({@code filter-crs}); a coordinate
     *                  outside its valid area ({@link ApiCrs#validArea()}) is refused
     * @param maxDepth  the deepest nesting of parentheses to accept, geometry literals included;
     *                  bounds the parser's recursion
     * @param maxLength the longest filter to accept, in UTF-16 characters
     * @return the filter, never {@code null}
     * @throws InvalidQueryException    if the text is not a supported CQL2 filter within the limits
     * @throws IllegalArgumentException if a limit is below 1 (a programming error, not bad input)
     */
    public static Filter parse(String text, ApiCrs crs, int maxDepth, int maxLength) {
        if (maxDepth < 1 || maxLength < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        if (text == null) {
            throw Cql2Errors.empty();
        }
        if (text.length() > maxLength) {
            throw Cql2Errors.tooLong(text.length(), maxLength);
        }
        try {
            CommonTokenStream tokens = tokens(text);
            checkDepth(tokens, maxDepth);
            Cql2Parser parser = new Cql2Parser(tokens);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            return new FilterBuilder(crs).visit(parser.filter());
        } catch (ParseCancellationException e) {
            throw SyntaxErrors.fromParser(e);
        } catch (StackOverflowError e) {
            // the depth limit should prevent this; a smaller thread stack might not
            throw Cql2Errors.tooComplex();
        }
    }

    /** All tokens, so that lexical errors come first and the depth is known before parsing. */
    private static CommonTokenStream tokens(String text) {
        Cql2Lexer lexer = new Cql2Lexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrors.LexerListener());
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (tokens.get(0).getType() == Token.EOF) {
            throw Cql2Errors.empty();
        }
        return tokens;
    }

    private static void checkDepth(CommonTokenStream tokens, int maxDepth) {
        int depth = 0;
        for (Token token : tokens.getTokens()) {
            if (token.getType() == Cql2Lexer.LEFT_PAREN && ++depth > maxDepth) {
                throw Cql2Errors.tooDeep(token, maxDepth);
            }
            if (token.getType() == Cql2Lexer.RIGHT_PAREN) {
                depth--;
            }
        }
    }
}
