package org.changchun.layout.ogc.cql2;

import org.antlr.v4.runtime.Token;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.ogc.cql2.Cql2Parser.AccentInsensitiveContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.AccentInsensitivePatternContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.ArithmeticExpressionContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.ArithmeticTermContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.BooleanLiteralContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.CaseInsensitiveContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.CaseInsensitivePatternContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.CharacterLiteralContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.DateInstantContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.FunctionContext;
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

/**
 * Builds the {@link Expression} of a CQL2 value: a property, a literal, or CASEI of either.
 * Arithmetic, functions, ACCENTI and intervals parse but are refused here, at the character
 * where they start. (Arrays occur only in A_ predicates and function arguments, which are
 * refused before their arguments are read.)
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
        if (!ctx.arithmeticOperatorPlusMinus().isEmpty()) {
            throw arithmetic(ctx.arithmeticOperatorPlusMinus(0).getStart());
        }
        return visit(ctx.arithmeticTerm(0));
    }

    @Override
    public Expression visitArithmeticTerm(ArithmeticTermContext ctx) {
        if (!ctx.arithmeticOperatorMultDiv().isEmpty()) {
            throw arithmetic(ctx.arithmeticOperatorMultDiv(0).getStart());
        }
        return visit(ctx.powerTerm(0));
    }

    @Override
    public Expression visitPowerTerm(PowerTermContext ctx) {
        if (ctx.CARET() != null) {
            throw arithmetic(ctx.CARET().getSymbol());
        }
        return visit(ctx.arithmeticFactor(0));
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

    @Override
    public Expression visitPropertyFactor(PropertyFactorContext ctx) {
        if (ctx.MINUS() != null) {
            throw arithmetic(ctx.MINUS().getSymbol());
        }
        return visit(ctx.propertyName());
    }

    @Override
    public Expression visitFunction(FunctionContext ctx) {
        throw Cql2Errors.unsupportedFunction(ctx.getStart());
    }

    @Override
    public Expression visitIntervalInstance(IntervalInstanceContext ctx) {
        throw Cql2Errors.unsupported(ctx.getStart(), "时间区间 INTERVAL", "INTERVAL");
    }

    private static RuntimeException accentInsensitive(Token accenti) {
        return Cql2Errors.unsupported(accenti, "忽略重音的比较 ACCENTI", "ACCENTI (accent-insensitive comparison)");
    }

    private static RuntimeException arithmetic(Token operator) {
        return Cql2Errors.unsupported(operator, "算术运算 " + operator.getText(), "arithmetic (" + operator.getText() + ")");
    }
}
