/*
 * CQL2 text encoding: OGC 21-065r2 "Common Query Language (CQL2)" 1.0.0, Annex B (cql2.bnf),
 * rewritten for ANTLR 4. Rule names follow the BNF. Where this grammar differs, it says so:
 *
 *  - The BNF lists numericLiteral, propertyName and function beside arithmeticExpression in
 *    scalarExpression, numericExpression and friends; arithmeticExpression already derives all
 *    three, so here they are reached only through it. That keeps the grammar unambiguous.
 *  - The BNF lets booleanExpression appear as an operand of IS NULL, as a function argument and
 *    as an array element; that makes "(" ambiguous between three readings and no server needs
 *    it, so those three places take scalar expressions (and literals) only.
 *  - MULTIPOINT also takes the bare form MULTIPOINT(1 2, 3 4), which GDAL and PostGIS write.
 *  - A quoted property name may hold any character but a double quote (written twice to
 *    escape it), not only identifier characters: GDAL quotes every field name it sends.
 *  - '<>', '<=' and '>=' are single tokens (the BNF writes them as two characters).
 *  - Only '' escapes a quote inside a string; the BNF's \' would make a pattern that ends in
 *    a backslash (LIKE 'C:\') unreadable.
 *  - Z is a keyword only after a geometry type, and DATE, TIMESTAMP, INTERVAL, BBOX and the
 *    geometry type names are keywords only before "(": elsewhere they are property names, as
 *    fields called "date" or "point" are common.
 *
 * Keywords are case-insensitive. What the grammar accepts, the builder may still refuse: it
 * maps the parse tree to org.changchun.layout.query.Filter and says which operators it does
 * not support.
 */
grammar Cql2;

options { caseInsensitive = true; }

filter : booleanExpression EOF ;

//=============================================================================
// Boolean structure: NOT binds tighter than AND, AND tighter than OR.
//=============================================================================
booleanExpression : booleanTerm (OR booleanTerm)* ;

booleanTerm : booleanFactor (AND booleanFactor)* ;

booleanFactor : NOT? booleanPrimary ;

booleanPrimary
    : predicate                                # predicatePrimary
    | booleanLiteral                           # literalPrimary
    | function                                 # functionPrimary
    | LEFT_PAREN booleanExpression RIGHT_PAREN # subExpression
    ;

predicate
    : comparisonPredicate
    | spatialPredicate
    | temporalPredicate
    | arrayPredicate
    ;

//=============================================================================
// Comparison predicates
//=============================================================================
comparisonPredicate
    : scalarExpression comparisonOperator scalarExpression                      # binaryComparisonPredicate
    | characterExpression NOT? LIKE patternExpression                           # isLikePredicate
    | numericExpression NOT? BETWEEN numericExpression AND numericExpression    # isBetweenPredicate
    | scalarExpression NOT? IN LEFT_PAREN inList RIGHT_PAREN                    # isInListPredicate
    | isNullOperand IS NOT? NULL                                                # isNullPredicate
    ;

scalarExpression
    : characterClause
    | instantInstance
    | booleanLiteral
    | arithmeticExpression
    ;

comparisonOperator : EQ | NEQ | LT | GT | LTEQ | GTEQ ;

patternExpression
    : CASEI LEFT_PAREN patternExpression RIGHT_PAREN   # caseInsensitivePattern
    | ACCENTI LEFT_PAREN patternExpression RIGHT_PAREN # accentInsensitivePattern
    | CHARACTER_LITERAL                                # literalPattern
    ;

numericExpression : arithmeticExpression ;

inList : scalarExpression (COMMA scalarExpression)* ;

isNullOperand
    : scalarExpression
    | spatialInstance
    | intervalInstance
    ;

//=============================================================================
// Spatial, temporal and array predicates
//=============================================================================
spatialPredicate : SPATIAL_FUNCTION LEFT_PAREN geomExpression COMMA geomExpression RIGHT_PAREN ;

geomExpression
    : spatialInstance
    | propertyName
    | function
    ;

temporalPredicate : TEMPORAL_FUNCTION LEFT_PAREN temporalExpression COMMA temporalExpression RIGHT_PAREN ;

temporalExpression
    : temporalInstance
    | propertyName
    | function
    ;

arrayPredicate : ARRAY_FUNCTION LEFT_PAREN arrayExpression COMMA arrayExpression RIGHT_PAREN ;

arrayExpression
    : array
    | propertyName
    | function
    ;

array : LEFT_PAREN (arrayElement (COMMA arrayElement)*)? RIGHT_PAREN ;

arrayElement
    : scalarExpression
    | spatialInstance
    | intervalInstance
    | array
    ;

//=============================================================================
// Arithmetic
//=============================================================================
arithmeticExpression : arithmeticTerm (arithmeticOperatorPlusMinus arithmeticTerm)* ;

arithmeticOperatorPlusMinus : PLUS | MINUS ;

arithmeticTerm : powerTerm (arithmeticOperatorMultDiv powerTerm)* ;

arithmeticOperatorMultDiv : ASTERISK | SOLIDUS | PERCENT | DIV ;

powerTerm : arithmeticFactor (CARET arithmeticFactor)? ;

// The BNF's [ "-" ] arithmeticOperand; a number carries its own sign.
arithmeticFactor
    : LEFT_PAREN arithmeticExpression RIGHT_PAREN # parenthesizedFactor
    | numericLiteral                              # numericFactor
    | MINUS? propertyName                         # propertyFactor
    | MINUS? function                             # functionFactor
    ;

//=============================================================================
// Property names and functions
//=============================================================================
propertyName
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReservedKeyword
    ;

nonReservedKeyword
    : Z | DATE | TIMESTAMP | INTERVAL | BBOX
    | POINT | LINESTRING | POLYGON | MULTIPOINT | MULTILINESTRING | MULTIPOLYGON | GEOMETRYCOLLECTION
    ;

function : IDENTIFIER LEFT_PAREN argumentList? RIGHT_PAREN ;

argumentList : argument (COMMA argument)* ;

argument
    : scalarExpression
    | spatialInstance
    | intervalInstance
    | array
    ;

//=============================================================================
// Character expressions and literals
//=============================================================================
characterExpression
    : characterClause
    | propertyName
    | function
    ;

characterClause
    : CASEI LEFT_PAREN characterExpression RIGHT_PAREN   # caseInsensitive
    | ACCENTI LEFT_PAREN characterExpression RIGHT_PAREN # accentInsensitive
    | CHARACTER_LITERAL                                  # characterLiteral
    ;

numericLiteral : (PLUS | MINUS)? NUMBER ;

booleanLiteral : TRUE | FALSE ;

//=============================================================================
// Geometry literals (WKT), coordinates as written: x then y, an optional z
//=============================================================================
spatialInstance
    : geometryLiteral
    | geometryCollectionTaggedText
    | bboxTaggedText
    ;

geometryLiteral
    : pointTaggedText
    | linestringTaggedText
    | polygonTaggedText
    | multipointTaggedText
    | multilinestringTaggedText
    | multipolygonTaggedText
    ;

pointTaggedText : POINT Z? pointText ;

linestringTaggedText : LINESTRING Z? lineStringText ;

polygonTaggedText : POLYGON Z? polygonText ;

multipointTaggedText : MULTIPOINT Z? multiPointText ;

multilinestringTaggedText : MULTILINESTRING Z? multiLineStringText ;

multipolygonTaggedText : MULTIPOLYGON Z? multiPolygonText ;

geometryCollectionTaggedText : GEOMETRYCOLLECTION Z? geometryCollectionText ;

pointText : LEFT_PAREN point RIGHT_PAREN ;

point : numericLiteral numericLiteral numericLiteral? ;

lineStringText : LEFT_PAREN point COMMA point (COMMA point)* RIGHT_PAREN ;

linearRingText : LEFT_PAREN point COMMA point COMMA point COMMA point (COMMA point)* RIGHT_PAREN ;

polygonText : LEFT_PAREN linearRingText (COMMA linearRingText)* RIGHT_PAREN ;

multiPointText
    : LEFT_PAREN pointText (COMMA pointText)* RIGHT_PAREN
    | LEFT_PAREN point (COMMA point)* RIGHT_PAREN
    ;

multiLineStringText : LEFT_PAREN lineStringText (COMMA lineStringText)* RIGHT_PAREN ;

multiPolygonText : LEFT_PAREN polygonText (COMMA polygonText)* RIGHT_PAREN ;

geometryCollectionText : LEFT_PAREN geometryLiteral (COMMA geometryLiteral)* RIGHT_PAREN ;

bboxTaggedText : BBOX bboxText ;

// west, south, [minElev,] east, north [, maxElev]
bboxText
    : LEFT_PAREN numericLiteral COMMA numericLiteral COMMA numericLiteral COMMA numericLiteral
      (COMMA numericLiteral COMMA numericLiteral)? RIGHT_PAREN
    ;

//=============================================================================
// Temporal literals; the BNF spells out the date and time digits, which are
// checked when the literal is read so that a bad date gets its own message.
//=============================================================================
temporalInstance
    : instantInstance
    | intervalInstance
    ;

instantInstance
    : dateInstant
    | timestampInstant
    ;

dateInstant : DATE LEFT_PAREN CHARACTER_LITERAL RIGHT_PAREN ;

timestampInstant : TIMESTAMP LEFT_PAREN CHARACTER_LITERAL RIGHT_PAREN ;

intervalInstance : INTERVAL LEFT_PAREN instantParameter COMMA instantParameter RIGHT_PAREN ;

instantParameter
    : CHARACTER_LITERAL
    | propertyName
    | function
    ;

//=============================================================================
// Lexer. Keywords come before IDENTIFIER so that they win a tie.
//=============================================================================
AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
LIKE : 'LIKE' ;
BETWEEN : 'BETWEEN' ;
IN : 'IN' ;
IS : 'IS' ;
NULL : 'NULL' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;
CASEI : 'CASEI' ;
ACCENTI : 'ACCENTI' ;
DIV : 'DIV' ;
DATE : 'DATE' ;
TIMESTAMP : 'TIMESTAMP' ;
INTERVAL : 'INTERVAL' ;
POINT : 'POINT' ;
LINESTRING : 'LINESTRING' ;
POLYGON : 'POLYGON' ;
MULTIPOINT : 'MULTIPOINT' ;
MULTILINESTRING : 'MULTILINESTRING' ;
MULTIPOLYGON : 'MULTIPOLYGON' ;
GEOMETRYCOLLECTION : 'GEOMETRYCOLLECTION' ;
BBOX : 'BBOX' ;
Z : 'Z' ;

SPATIAL_FUNCTION
    : 'S_INTERSECTS' | 'S_EQUALS' | 'S_DISJOINT' | 'S_TOUCHES'
    | 'S_WITHIN' | 'S_OVERLAPS' | 'S_CROSSES' | 'S_CONTAINS'
    ;

TEMPORAL_FUNCTION
    : 'T_AFTER' | 'T_BEFORE' | 'T_CONTAINS' | 'T_DISJOINT' | 'T_DURING'
    | 'T_EQUALS' | 'T_FINISHEDBY' | 'T_FINISHES' | 'T_INTERSECTS' | 'T_MEETS'
    | 'T_METBY' | 'T_OVERLAPPEDBY' | 'T_OVERLAPS' | 'T_STARTEDBY' | 'T_STARTS'
    ;

ARRAY_FUNCTION : 'A_EQUALS' | 'A_CONTAINS' | 'A_CONTAINEDBY' | 'A_OVERLAPS' ;

EQ : '=' ;
NEQ : '<>' ;
LTEQ : '<=' ;
GTEQ : '>=' ;
LT : '<' ;
GT : '>' ;
PLUS : '+' ;
MINUS : '-' ;
ASTERISK : '*' ;
SOLIDUS : '/' ;
PERCENT : '%' ;
CARET : '^' ;
LEFT_PAREN : '(' ;
RIGHT_PAREN : ')' ;
COMMA : ',' ;

// Unsigned: the sign is a token of its own, so that "balance-150.0" reads as arithmetic.
NUMBER : (DIGIT+ ('.' DIGIT*)? | '.' DIGIT+) ('E' [+-]? DIGIT+)? ;

CHARACTER_LITERAL : '\'' (~'\'' | '\'\'')* '\'' ;

QUOTED_IDENTIFIER : '"' (~'"' | '""')+ '"' ;

IDENTIFIER : IDENTIFIER_START IDENTIFIER_PART* ;

// The BNF's whitespace characters.
WHITESPACE
    : [\t\n\u000B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+ -> skip
    ;

fragment DIGIT : [0-9] ;

// The BNF's identifierStart (letters of every script, including CJK), less U+1680, which
// the BNF also lists as whitespace. Exact ranges, so not case-folded.
fragment IDENTIFIER_START options { caseInsensitive = false; }
    : [:_A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u167F\u1681-\u1FFE]
    | [\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]
    | [\u{10000}-\u{EFFFF}]
    ;

fragment IDENTIFIER_PART options { caseInsensitive = false; }
    : IDENTIFIER_START
    | [.0-9\u0300-\u036F\u203F\u2040]
    ;
