package org.changchun.layout.ogc.cql2;

import org.antlr.v4.runtime.Token;
import org.changchun.layout.query.InvalidQueryException;

/**
 * The messages of every way a CQL2 filter can be refused, Chinese first, each saying where: the
 * 1-based character position in the filter (counting code points, as users count characters).
 */
final class Cql2Errors {

    private Cql2Errors() {
    }

    static InvalidQueryException syntax(int position, String zh, String en) {
        return new InvalidQueryException(
                "CQL2 过滤条件第 " + position + " 个字符处有语法错误：" + zh,
                "CQL2 filter: syntax error at character " + position + ": " + en);
    }

    /** The filter is well formed, but the part starting at {@code token} cannot be used. */
    static InvalidQueryException at(Token token, String zh, String en) {
        int position = position(token);
        return new InvalidQueryException(
                "CQL2 过滤条件第 " + position + " 个字符处：" + zh,
                "CQL2 filter: at character " + position + ": " + en);
    }

    /** A CQL2 JSON filter is well formed JSON, but the value at {@code path} (a JSON pointer) cannot be used. */
    static InvalidQueryException json(String path, String zh, String en) {
        String where = path.isEmpty() ? "/" : path;
        return new InvalidQueryException("CQL2 JSON 过滤条件 " + where + " 处：" + zh,
                "CQL2 JSON filter: at " + where + ": " + en);
    }

    static InvalidQueryException unsupported(Token token, String zhWhat, String enWhat) {
        return at(token, "不支持" + zhWhat, enWhat + " is not supported");
    }

    static InvalidQueryException unsupportedFunction(Token name) {
        return at(name, "不支持函数 " + name.getText() + "（只支持 CASEI 以及 S_、T_、A_ 开头的标准函数）",
                "function " + name.getText() + " is not supported (only CASEI and the standard S_, T_ and A_ functions are)");
    }

    static InvalidQueryException empty() {
        return new InvalidQueryException("CQL2 过滤条件为空", "CQL2 filter is empty");
    }

    static InvalidQueryException tooLong(int length, int maxLength) {
        return new InvalidQueryException(
                "CQL2 过滤条件过长：" + length + " 个字符，最多 " + maxLength + " 个",
                "CQL2 filter is too long: " + length + " characters, at most " + maxLength);
    }

    static InvalidQueryException tooDeep(Token parenthesis, int maxDepth) {
        return at(parenthesis, "括号嵌套超过 " + maxDepth + " 层", "parentheses nest deeper than " + maxDepth + " levels");
    }

    static InvalidQueryException tooComplex() {
        return new InvalidQueryException("CQL2 过滤条件过于复杂，无法解析", "CQL2 filter is too complex to parse");
    }

    static int position(Token token) {
        return token.getStartIndex() + 1;
    }
}
