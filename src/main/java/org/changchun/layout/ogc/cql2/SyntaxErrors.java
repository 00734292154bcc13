package org.changchun.layout.ogc.cql2;

import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.changchun.layout.query.InvalidQueryException;

/**
 * Turns ANTLR's first lexer or parser error into an {@link InvalidQueryException} that says,
 * in Chinese and English, what is wrong and at which character.
 */
final class SyntaxErrors {

    /** Expected tokens are named only when so few fit that naming them helps. */
    private static final int MAX_EXPECTED_SHOWN = 3;

    private static final int MAX_TEXT_SHOWN = 30;

    private SyntaxErrors() {
    }

    /** A lexer listener that throws at the first character no token can start with. */
    static final class LexerListener extends BaseErrorListener {

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                int charPositionInLine, String msg, RecognitionException e) {
            Lexer lexer = (Lexer) recognizer;
            int start = lexer._tokenStartCharIndex;
            CharStream input = lexer.getInputStream();
            String first = input.getText(Interval.of(start, start));
            int position = start + 1;
            throw switch (first) {
                case "'" -> Cql2Errors.syntax(position, "字符串缺少结尾的单引号",
                        "the string starting here has no closing single quote");
                case "\"" -> Cql2Errors.syntax(position, "带双引号的属性名为空或缺少结尾的双引号",
                        "the quoted property name starting here is empty or has no closing double quote");
                default -> Cql2Errors.syntax(position, "无法识别的字符 " + show(first),
                        "unrecognized character " + show(first));
            };
        }
    }

    /**
     * The parser's first error, as thrown by {@link org.antlr.v4.runtime.BailErrorStrategy}: the
     * cause is the {@link RecognitionException} that holds the offending token.
     */
    static InvalidQueryException fromParser(ParseCancellationException e) {
        if (!(e.getCause() instanceof RecognitionException cause)
                || cause.getOffendingToken() == null || cause.getRecognizer() == null) {
            // not what BailErrorStrategy throws today, but the contract is InvalidQueryException
            return Cql2Errors.syntax(1, "无法解析", "cannot be parsed");
        }
        Token token = cause.getOffendingToken();
        int position = Cql2Errors.position(token);
        List<Integer> expected = expected(cause);
        Vocabulary vocabulary = cause.getRecognizer().getVocabulary();
        String zhExpected = expected.isEmpty() ? "" : "，此处应为 " + names(expected, vocabulary, true);
        String enExpected = expected.isEmpty() ? "" : ", expected " + names(expected, vocabulary, false);
        if (token.getType() == Token.EOF) {
            return Cql2Errors.syntax(position, "过滤条件不完整，在此意外结束" + zhExpected,
                    "the filter ends too early" + enExpected);
        }
        String text = show(token.getText());
        return Cql2Errors.syntax(position, "此处不应出现 " + text + zhExpected, "unexpected " + text + enExpected);
    }

    private static List<Integer> expected(RecognitionException cause) {
        if (cause.getOffendingState() < 0) {
            return List.of();
        }
        List<Integer> types = cause.getExpectedTokens().toList();
        return types.size() > MAX_EXPECTED_SHOWN ? List.of() : types;
    }

    private static String names(List<Integer> types, Vocabulary vocabulary, boolean zh) {
        return types.stream()
                .map(type -> name(type, vocabulary, zh))
                .distinct()
                .collect(Collectors.joining(zh ? " 或 " : " or "));
    }

    /** Keywords and punctuation by their text, the other tokens by what they are. */
    private static String name(int type, Vocabulary vocabulary, boolean zh) {
        return switch (type) {
            case Token.EOF -> zh ? "过滤条件的结尾" : "the end of the filter";
            case Cql2Lexer.NUMBER -> zh ? "数字" : "a number";
            case Cql2Lexer.CHARACTER_LITERAL -> zh ? "单引号字符串" : "a string in single quotes";
            case Cql2Lexer.IDENTIFIER, Cql2Lexer.QUOTED_IDENTIFIER -> zh ? "属性名" : "a property name";
            default -> vocabulary.getDisplayName(type);
        };
    }

    /** Text quoted for a message: control characters as U+XXXX, long text cut short. */
    private static String show(String text) {
        StringBuilder shown = new StringBuilder("'");
        text.codePoints().limit(MAX_TEXT_SHOWN).forEach(c -> {
            if (Character.isISOControl(c) || !Character.isDefined(c) || Character.getType(c) == Character.SURROGATE) {
                shown.append(String.format("U+%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX_TEXT_SHOWN) {
            shown.append('…');
        }
        return shown.append('\'').toString();
    }
}
