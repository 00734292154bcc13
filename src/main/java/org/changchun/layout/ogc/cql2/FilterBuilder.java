package org.changchun.layout.ogc.cql2;

import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.changchun.layout.geo.ApiCrs;
import org.changchun.layout.ogc.cql2.Cql2Parser.ArrayPredicateContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.BinaryComparisonPredicateContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.BooleanExpressionContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.BooleanFactorContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.BooleanTermContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.ComparisonOperatorContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.FilterContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.FunctionPrimaryContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.IsBetweenPredicateContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.IsInListPredicateContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.IsLikePredicateContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.IsNullPredicateContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.LiteralPrimaryContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.PredicatePrimaryContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.SpatialPredicateContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.SubExpressionContext;
import org.changchun.layout.ogc.cql2.Cql2Parser.TemporalPredicateContext;
import org.changchun.layout.query.Expression;
import org.changchun.layout.query.Filter;
import org.changchun.layout.query.Filter.ComparisonOperator;

/**
 * Builds the {@link Filter} of a parsed CQL2 filter. An OR or AND of one part is that part; a
 * negated predicate ({@code NOT LIKE}, {@code IS NOT NULL}...) is {@link Filter.Not} of it.
 */
final class FilterBuilder extends Cql2BaseVisitor<Filter> {

    private final ExpressionBuilder expressions;

    /** @param crs the CRS geometry literals are written in */
    FilterBuilder(ApiCrs crs) {
        this.expressions = new ExpressionBuilder(crs);
    }

    // predicate has one child, which the default visit returns.

    @Override
    public Filter visitFilter(FilterContext ctx) {
        return visit(ctx.booleanExpression());
    }

    @Override
    public Filter visitBooleanExpression(BooleanExpressionContext ctx) {
        List<Filter> parts = ctx.booleanTerm().stream().map(this::visit).toList();
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    @Override
    public Filter visitBooleanTerm(BooleanTermContext ctx) {
        List<Filter> parts = ctx.booleanFactor().stream().map(this::visit).toList();
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    @Override
    public Filter visitBooleanFactor(BooleanFactorContext ctx) {
        return negatedIf(ctx.NOT(), visit(ctx.booleanPrimary()));
    }

    @Override
    public Filter visitPredicatePrimary(PredicatePrimaryContext ctx) {
        return visit(ctx.predicate());
    }

    @Override
    public Filter visitLiteralPrimary(LiteralPrimaryContext ctx) {
        return new Filter.Constant(ctx.booleanLiteral().TRUE() != null);
    }

    @Override
    public Filter visitFunctionPrimary(FunctionPrimaryContext ctx) {
        throw Cql2Errors.unsupportedFunction(ctx.getStart());
    }

    @Override
    public Filter visitSubExpression(SubExpressionContext ctx) {
        return visit(ctx.booleanExpression());
    }

    @Override
    public Filter visitBinaryComparisonPredicate(BinaryComparisonPredicateContext ctx) {
        return new Filter.Comparison(
                value(ctx.scalarExpression(0)), operator(ctx.comparisonOperator()), value(ctx.scalarExpression(1)));
    }

    @Override
    public Filter visitIsLikePredicate(IsLikePredicateContext ctx) {
        return negatedIf(ctx.NOT(), new Filter.Like(value(ctx.characterExpression()), value(ctx.patternExpression())));
    }

    @Override
    public Filter visitIsBetweenPredicate(IsBetweenPredicateContext ctx) {
        return negatedIf(ctx.NOT(), new Filter.Between(
                value(ctx.numericExpression(0)), value(ctx.numericExpression(1)), value(ctx.numericExpression(2))));
    }

    @Override
    public Filter visitIsInListPredicate(IsInListPredicateContext ctx) {
        List<Expression> list = ctx.inList().scalarExpression().stream().map(this::value).toList();
        return negatedIf(ctx.NOT(), new Filter.In(value(ctx.scalarExpression()), list));
    }

    @Override
    public Filter visitIsNullPredicate(IsNullPredicateContext ctx) {
        return negatedIf(ctx.NOT(), new Filter.IsNull(value(ctx.isNullOperand())));
    }

    @Override
    public Filter visitSpatialPredicate(SpatialPredicateContext ctx) {
        // the token is one of the eight S_ names, and each is a SpatialRelation after its prefix
        String name = ctx.SPATIAL_FUNCTION().getText().substring("S_".length()).toUpperCase(Locale.ROOT);
        return new Filter.Spatial(
                Filter.SpatialRelation.valueOf(name), value(ctx.geomExpression(0)), value(ctx.geomExpression(1)));
    }

    @Override
    public Filter visitTemporalPredicate(TemporalPredicateContext ctx) {
        String name = ctx.TEMPORAL_FUNCTION().getText().substring("T_".length()).toUpperCase(Locale.ROOT);
        return new Filter.Temporal(Filter.TemporalRelation.valueOf(name),
                value(ctx.temporalExpression(0)), value(ctx.temporalExpression(1)));
    }

    @Override
    public Filter visitArrayPredicate(ArrayPredicateContext ctx) {
        String name = ctx.ARRAY_FUNCTION().getText().substring("A_".length()).toUpperCase(Locale.ROOT);
        return new Filter.ArrayRelation(Filter.ArrayOperator.valueOf(name),
                value(ctx.arrayExpression(0)), value(ctx.arrayExpression(1)));
    }

    private Expression value(ParserRuleContext ctx) {
        return expressions.visit(ctx);
    }

    private static ComparisonOperator operator(ComparisonOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case Cql2Parser.EQ -> ComparisonOperator.EQUAL;
            case Cql2Parser.NEQ -> ComparisonOperator.NOT_EQUAL;
            case Cql2Parser.LT -> ComparisonOperator.LESS;
            case Cql2Parser.LTEQ -> ComparisonOperator.LESS_OR_EQUAL;
            case Cql2Parser.GT -> ComparisonOperator.GREATER;
            case Cql2Parser.GTEQ -> ComparisonOperator.GREATER_OR_EQUAL;
            default -> throw new IllegalStateException("comparisonOperator matched " + ctx.getText());
        };
    }

    private static Filter negatedIf(TerminalNode not, Filter filter) {
        return not == null ? filter : new Filter.Not(filter);
    }
}
