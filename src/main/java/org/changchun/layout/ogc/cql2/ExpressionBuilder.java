package org.changchun.layout.ogc.cql2;

import org.antlr.v4.runtime.Token;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.ogc.cql2.Cql2Parser.AccentInsensitiveContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.AccentInsensitivePatternContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.ArithmeticExpressionContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.ArrayContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.ArithmeticTermContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.BooleanLiteralContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.CaseInsensitiveContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.CaseInsensitivePatternContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.CharacterLiteralContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.DateInstantContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.FunctionContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.FunctionFactorContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.InstantParameterContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.IntervalInstanceContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.LiteralPatternContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.NumericFactorContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.ParenthesizedFactorContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PowerTermContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PropertyFactorContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PropertyNameContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.SpatialInstanceContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.TimestampInstantContext;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.Expression.ArithmeticOperator;

/**
 * Builds the {@link Expression} of a CQL2 value: a property, a literal, CASEI of either,
 * arithmetic, an interval or an array. Functions and ACCENTI parse but are refused here, at the
 * character where they start.
 */
final class ExpressionBuilder extends Cql2BaseVisitor<Expression> {

    private final GeometryBuilder geometries;

    /** @param crs the CRS geometry literals are written in */
    ExpressionBuilder(ApiCrs crs) {
        this.geometries = new GeometryBuilder(crs);
    }

    // Rules that only choose between alternatives (scalarExpression, characterExpression,
    // numericExpression, geomExpression, isNullOperand, instantInstance...) have one child,
    // which the default visit returns.

    @Override
    public Expression visitPropertyName(PropertyNameContext ctx) {
        String name = ctx.QUOTED_IDENTIFIER() != null ? Literals.quotedName(ctx.getStart()) : ctx.getText();
        return new Expression.Property(name);
    }

    @Override
    public Expression visitCharacterLiteral(CharacterLiteralContext ctx) {
        return new Expression.Literal(Literals.string(ctx.getStart()));
    }

    @Override
    public Expression visitLiteralPattern(LiteralPatternContext ctx) {
        // kept as written: % and _ are wildcards and \ escapes, for the store to translate
        return new Expression.Literal(Literals.string(ctx.getStart()));
    }

    @Override
    public Expression visitCaseInsensitive(CaseInsensitiveContext ctx) {
        return new Expression.CaseInsensitive(visit(ctx.characterExpression()));
    }

    @Override
    public Expression visitCaseInsensitivePattern(CaseInsensitivePatternContext ctx) {
        return new Expression.CaseInsensitive(visit(ctx.patternExpression()));
    }

    @Override
    public Expression visitAccentInsensitive(AccentInsensitiveContext ctx) {
        throw accentInsensitive(ctx.getStart());
    }

    @Override
    public Expression visitAccentInsensitivePattern(AccentInsensitivePatternContext ctx) {
        throw accentInsensitive(ctx.getStart());
    }

    @Override
    public Expression visitBooleanLiteral(BooleanLiteralContext ctx) {
        return new Expression.Literal(ctx.TRUE() != null);
    }

    @Override
    public Expression visitDateInstant(DateInstantContext ctx) {
        return new Expression.Literal(Literals.date(ctx.CHARACTER_LITERAL().getSymbol()));
    }

    @Override
    public Expression visitTimestampInstant(TimestampInstantContext ctx) {
        return new Expression.Literal(Literals.timestamp(ctx.CHARACTER_LITERAL().getSymbol()));
    }

    @Override
    public Expression visitSpatialInstance(SpatialInstanceContext ctx) {
        return new Expression.Literal(geometries.visit(ctx));
    }

    @Override
    public Expression visitArithmeticExpression(ArithmeticExpressionContext ctx) {
        Expression value = visit(ctx.arithmeticTerm(0));
        for (int i = 0; i < ctx.arithmeticOperatorPlusMinus().size(); i++) {
            ArithmeticOperator operator = ctx.arithmeticOperatorPlusMinus(i).PLUS() != null
                    ? ArithmeticOperator.PLUS : ArithmeticOperator.MINUS;
            value = new Expression.Arithmetic(operator, value, visit(ctx.arithmeticTerm(i + 1)));
        }
        return value;
    }

    @Override
    public Expression visitArithmeticTerm(ArithmeticTermContext ctx) {
        Expression value = visit(ctx.powerTerm(0));
        for (int i = 0; i < ctx.arithmeticOperatorMultDiv().size(); i++) {
            ArithmeticOperator operator = switch (ctx.arithmeticOperatorMultDiv(i).getStart().getType()) {
                case Cql2Parser.ASTERISK -> ArithmeticOperator.TIMES;
                case Cql2Parser.SOLIDUS -> ArithmeticOperator.DIVIDE;
                case Cql2Parser.PERCENT -> ArithmeticOperator.MODULO;
                default -> ArithmeticOperator.INTEGER_DIVIDE;
            };
            value = new Expression.Arithmetic(operator, value, visit(ctx.powerTerm(i + 1)));
        }
        return value;
    }

    @Override
    public Expression visitPowerTerm(PowerTermContext ctx) {
        Expression base = visit(ctx.arithmeticFactor(0));
        return ctx.CARET() == null ? base
                : new Expression.Arithmetic(ArithmeticOperator.POWER, base, visit(ctx.arithmeticFactor(1)));
    }

    /** Parentheses around a single value, as in {@code (floors) > 5}, only group. */
    @Override
    public Expression visitParenthesizedFactor(ParenthesizedFactorContext ctx) {
        return visit(ctx.arithmeticExpression());
    }

    @Override
    public Expression visitNumericFactor(NumericFactorContext ctx) {
        return new Expression.Literal(Literals.number(ctx.numericLiteral()));
    }

    /** {@code -foo} is {@code -1 * foo}, as CQL2 JSON, which has no unary minus, writes it. */
    @Override
    public Expression visitPropertyFactor(PropertyFactorContext ctx) {
        return negatedIf(ctx.MINUS() != null, visit(ctx.propertyName()));
    }

    @Override
    public Expression visitFunctionFactor(FunctionFactorContext ctx) {
        return visit(ctx.function());
    }

    @Override
    public Expression visitFunction(FunctionContext ctx) {
        throw Cql2Errors.unsupportedFunction(ctx.getStart());
    }

    @Override
    public Expression visitIntervalInstance(IntervalInstanceContext ctx) {
        return new Expression.Interval(visit(ctx.instantParameter(0)), visit(ctx.instantParameter(1)));
    }

    /** An end of an interval: a property, {@code '..'} (open), or a date or timestamp as a string. */
    @Override
    public Expression visitInstantParameter(InstantParameterContext ctx) {
        if (ctx.CHARACTER_LITERAL() == null) {
            return visitChildren(ctx);
        }
        Token literal = ctx.CHARACTER_LITERAL().getSymbol();
        String text = Literals.string(literal);
        if (text.equals("..")) {
            return new Expression.Unbounded();
        }
        return new Expression.Literal(text.length() == 10 ? Literals.date(literal) : Literals.timestamp(literal));
    }

    @Override
    public Expression visitArray(ArrayContext ctx) {
        return new Expression.Array(ctx.arrayElement().stream().map(this::visit).toList());
    }

    private static Expression negatedIf(boolean minus, Expression value) {
        return minus ? new Expression.Arithmetic(ArithmeticOperator.TIMES, new Expression.Literal(-1L), value) : value;
    }

    private static RuntimeException accentInsensitive(Token accenti) {
        return Cql2Errors.unsupported(accenti, "忽略重音的比较 ACCENTI", "ACCENTI (accent-insensitive comparison)");
    }

}
