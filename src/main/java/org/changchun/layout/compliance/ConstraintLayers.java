package org.changchun.layout.compliance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.changchun.layout.catalog.LayerCatalog;
import org.changchun.layout.catalog.LayerNotFoundException;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.feature.LayerKind;
import org.changchun.layout.plan.rules.ConstraintKind;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.changchun.layout.plan.rules.Industries;
import org.changchun.layout.plan.rules.PlanRules;
import org.changchun.layout.plan.rules.RuleBook;
import org.changchun.layout.plan.rules.RuleLevel;
import org.changchun.layout.plan.rules.RuleSource;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layers whose polygons are control lines: those gis-data/rules.json declares, and imported
 * layers an editor marked (kept in the store through {@link ConstraintStore}). A marked layer takes
 * the rule of its kind, with whatever the editor states instead.
 */
@Service
class ConstraintLayers {

    /** The rule as stored: everything but who marked it and when, which the store keeps beside it. */
    private record StoredRule(String kind, String nameZh, String nameEn, String inside, String outside,
                              List<String> permittedIndustries, String messageZh, String messageEn, RuleSource source,
                              boolean sample) {
    }

    private static final String NONE = "none";

    private final PlanRules rules;
    private final ConstraintStore store;
    private final LayerCatalog catalog;
    private final ComplianceProperties properties;
    // stored rules are read by this class only, with its own naming, whatever the API's is
    private final JsonMapper json = JsonMapper.builder().build();

    ConstraintLayers(PlanRules rules, ConstraintStore store, LayerCatalog catalog, ComplianceProperties properties) {
        this.rules = rules;
        this.store = store;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** Every constraint layer that exists now: the shipped ones first, then the marked ones by id. */
    List<ConstraintRule> all() {
        List<ConstraintRule> all = new ArrayList<>();
        for (ConstraintRule shipped : rules.current().constraints()) {
            if (catalog.find(shipped.layer()).isPresent()) {
                all.add(shipped);
            }
        }
        for (MarkedConstraint marked : store.all()) {
            if (catalog.find(marked.layer()).isPresent()) {
                all.add(read(marked));
            }
        }
        return all;
    }

    Optional<ConstraintRule> of(String layer) {
        return all().stream().filter(c -> c.layer().equals(layer)).findFirst();
    }

    /**
     * @throws LayerNotFoundException (404) for a layer that does not exist
     * @throws PlanLayerConstraintException (409) for a plan layer, whose rules are in gis-data/rules.json
     * @throws InvalidQueryException for a layer that is not polygons or too large, or a rule that does not hold
     */
    ConstraintRule mark(String layerId, ConstraintRequest request, String who) {
        LayerInfo layer = catalog.find(layerId).orElseThrow(() -> new LayerNotFoundException(layerId));
        if (layer.kind() != LayerKind.IMPORTED) {
            throw new PlanLayerConstraintException(layerId);
        }
        ComplianceLayers.polygonal("layer", layer);
        if (layer.featureCount() > properties.maxIndexedFeatures()) {
            throw new InvalidQueryException("图层“" + layerId + "”有 " + layer.featureCount() + " 个要素，超过约束图层的上限 "
                    + properties.maxIndexedFeatures() + "（plan.compliance.max-indexed-features）",
                    "layer '" + layerId + "' holds " + layer.featureCount() + " features, more than a constraint layer "
                            + "may (plan.compliance.max-indexed-features = " + properties.maxIndexedFeatures() + ")");
        }
        StoredRule rule = resolve(request);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            store.save(new MarkedConstraint(layerId, json.writeValueAsString(rule), who, now));
        } catch (JacksonException e) {
            throw new IllegalStateException("a stored rule is plain data", e);
        }
        return rule(layerId, rule, who, now);
    }

    /** @return whether the layer was marked */
    boolean unmark(String layerId) {
        return store.delete(layerId);
    }

    private StoredRule resolve(ConstraintRequest request) {
        if (request == null || request.kind() == null || request.kind().isBlank()) {
            throw new InvalidQueryException("请给出控制线类型 kind（" + kinds() + "）", "give the kind of control line as kind ("
                    + kinds() + ")");
        }
        RuleBook book = rules.current();
        ConstraintKind kind = book.kind(request.kind()).orElseThrow(() -> new InvalidQueryException(
                "未知的控制线类型“" + request.kind() + "”；可用：" + kinds(),
                "unknown kind of control line '" + request.kind() + "'; the kinds are " + kinds()));
        String inside = level("inside", request.inside(), kind.inside());
        String outside = level("outside", request.outside(), kind.outside());
        if (inside == null && outside == null) {
            throw new InvalidQueryException("inside 与 outside 不能都为 none：约束须在线内或线外生效",
                    "inside and outside cannot both be none: a constraint applies inside the line, outside it, or both");
        }
        List<String> permitted = request.permittedIndustries() == null ? kind.permittedIndustries()
                : request.permittedIndustries();
        for (String industry : permitted) {
            if (!Industries.isKnown(industry)) {
                throw new InvalidQueryException("permitted_industries 中的“" + industry + "”不是六新产业之一："
                        + String.join("、", Industries.NAMES.keySet()), "permitted_industries names '" + industry
                        + "', which is not one of the six new industries " + Industries.NAMES.keySet());
            }
        }
        if ((request.quoteZh() == null) != (request.quoteEn() == null)) {
            throw new InvalidQueryException("原文摘录须同时给出 quote_zh 与 quote_en", "give the quote in both languages, "
                    + "quote_zh and quote_en, or neither");
        }
        boolean ownDocument = request.documentZh() != null || request.documentEn() != null;
        if (ownDocument && (request.documentZh() == null || request.documentEn() == null)) {
            throw new InvalidQueryException("文件名须同时给出 document_zh 与 document_en", "give the document in both languages, "
                    + "document_zh and document_en");
        }
        RuleSource source = ownDocument
                ? new RuleSource("marked", request.documentZh(), request.documentEn(), request.quoteZh(), request.quoteEn())
                : book.source(kind.source());
        return new StoredRule(kind.kind(), kind.nameZh(), kind.nameEn(), inside, outside, permitted,
                request.messageZh() != null ? request.messageZh() : kind.messageZh(),
                request.messageEn() != null ? request.messageEn() : kind.messageEn(), source,
                Boolean.TRUE.equals(request.sample()));
    }

    private static String level(String member, String given, RuleLevel kindDefault) {
        if (given == null) {
            return kindDefault == null ? null : kindDefault.code();
        }
        if (given.equals(NONE)) {
            return null;
        }
        return RuleLevel.fromCode(given).map(RuleLevel::code).orElseThrow(() -> new InvalidQueryException(
                member + " 应为 conflict、condition、advice 或 none：" + given,
                member + " must be conflict, condition, advice or none, not '" + given + "'"));
    }

    private String kinds() {
        return String.join(", ", rules.current().constraintKinds().stream().map(ConstraintKind::kind).toList());
    }

    private ConstraintRule read(MarkedConstraint marked) {
        try {
            return rule(marked.layer(), json.readValue(marked.rule(), StoredRule.class), marked.markedBy(),
                    marked.markedAt());
        } catch (JacksonException e) {
            throw new IllegalStateException("the stored rule of constraint layer " + marked.layer() + " cannot be read", e);
        }
    }

    private static ConstraintRule rule(String layer, StoredRule rule, String who, OffsetDateTime when) {
        return new ConstraintRule(layer, rule.kind(), rule.nameZh(), rule.nameEn(),
                rule.inside() == null ? null : RuleLevel.fromCode(rule.inside()).orElseThrow(),
                rule.outside() == null ? null : RuleLevel.fromCode(rule.outside()).orElseThrow(),
                rule.permittedIndustries(), rule.messageZh(), rule.messageEn(), rule.source(), rule.sample(),
                ConstraintRule.MARKED, who, when);
    }
}
