package org.changchun.layout.compliance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.plan.PlanLayers;
import org.changchun.layout.plan.rules.ConstraintRule;
import org.changchun.layout.plan.rules.GeneralRules;
import org.changchun.layout.plan.rules.Industries;
import org.changchun.layout.plan.rules.Restriction;
import org.changchun.layout.plan.rules.RuleBook;
import org.changchun.layout.plan.rules.RuleLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/**
 * Reviews one site against the plan: the areas it lies in, the rules that fire, the projects it
 * overlaps, the verdict. Reads only: nothing a review does is written anywhere. Thread-safe, so a
 * batch reviews its sites in parallel against one {@link AreaIndex}.
 */
@Service
class Reviewer {

    private final ReviewAreas areas;
    private final ProjectIndex projects;
    private final CityCatalog cities;

    Reviewer(ReviewAreas areas, ProjectIndex projects, CityCatalog cities) {
        this.areas = areas;
        this.projects = projects;
        this.cities = cities;
    }

    /** The areas and rules of now, for reviewing many sites alike. */
    AreaIndex index() {
        AreaIndex index = areas.current();
        if (index.rules().general() == null) {
            throw new RulesNotLoadedException();
        }
        return index;
    }

    /**
     * A single check: a site entirely outside Changchun is refused, and the answer carries geometries.
     *
     * @param excludeProject the project the site is, so it is not listed as overlapping itself; may be null
     * @throws InvalidSiteException for a site outside Changchun
     */
    Review check(Site site, Declaration declared, String excludeProject) {
        Review review = review(index(), site, declared, excludeProject, true);
        if (review.areas().stream().noneMatch(a -> a.layer().equals(PlanLayers.DISTRICTS))) {
            Geometry inside = site.geometry().getInteriorPoint();
            throw new InvalidSiteException(String.format(Locale.ROOT, "场地不在长春市域内（位于 %.5f, %.5f）：请检查坐标是否为 WGS84 "
                    + "经度、纬度，是否颠倒", inside.getCoordinate().x, inside.getCoordinate().y),
                    String.format(Locale.ROOT, "the site is not in Changchun (it lies at %.5f, %.5f): check that the "
                            + "coordinates are WGS84 longitude, latitude, in that order", inside.getCoordinate().x,
                            inside.getCoordinate().y));
        }
        return review;
    }

    /** Reviews a site against an index; every site, also one outside Changchun (noted). */
    Review review(AreaIndex index, Site site, Declaration declared, String excludeProject, boolean withGeometry) {
        RuleBook book = index.rules();
        GeneralRules general = book.general();
        City city = declared.city() == null ? null : cities.find(declared.city()).orElse(null);
        String industry = declared.industry();
        List<Hit> hits = new ArrayList<>();
        for (AreaIndex.Indexed candidate : index.candidates(site.geometry().getEnvelopeInternal())) {
            ReviewArea area = candidate.area();
            Overlap overlap = Overlap.of(site, area.geometry(), area.prepared());
            if (overlap != null) {
                hits.add(new Hit(area, overlap));
            }
        }
        Fired fired = new Fired(book);
        List<Review.Note> notes = new ArrayList<>(site.repairs());
        if (declared.industryGiven() != null) {
            notes.add(new Review.Note("industry-unknown", "所申报的产业“" + declared.industryGiven() + "”不是六新产业之一，未按产业审查",
                    "the declared industry '" + declared.industryGiven() + "' is not one of the six new industries: the "
                            + "site was not reviewed by industry"));
        }
        double inCity = Math.min(100, hits.stream().filter(h -> h.area().layer().equals(PlanLayers.DISTRICTS))
                .mapToDouble(h -> h.overlap().sharePct()).sum());
        if (inCity < Overlap.WHOLE) {
            notes.add(new Review.Note("outside-changchun", "场地有 " + pct(100 - inCity) + "% 位于长春市域外，该部分未审查",
                    pct(100 - inCity) + "% of the site lies outside Changchun and was not reviewed"));
        }
        double cityShare = 0;
        Review.NearestArea nearest = null;
        if (city == null) {
            String given = declared.cityGiven();
            fired.add("city-undeclared", general.cityUndeclared(), given == null ? "未申报所属“城”：无法判断场地是否位于为其布局的区域"
                    : "所申报的“城”“" + given + "”不是六城之一：无法判断场地是否位于为其布局的区域", given == null
                    ? "no city declared: whether the site lies in areas meant for it cannot be told"
                    : "the declared city '" + given + "' is not one of the six: whether the site lies in areas meant for it "
                            + "cannot be told", null, null, false);
        } else {
            List<Hit> serving = hits.stream().filter(h -> h.area().serves(city.id())).toList();
            cityShare = Overlap.shareOfUnion(site, serving.stream().map(Hit::overlap).toList());
            if (serving.isEmpty()) {
                nearest = nearest(index, site, city.id());
                fired.add("city-outside", book.citySources().get(city.id()), general.cityOutside().level(),
                        "场地不在规划为" + city.nameZh() + "布局的任何区域内" + (nearest == null ? "" : "；最近的是“"
                                + nearest.nameZh() + "”，相距约 " + km(nearest.distanceM()) + " 公里"),
                        "the site lies in no area the plan assigns to the " + city.nameEn() + (nearest == null ? ""
                                : "; the nearest is " + nearest.nameEn() + ", about " + km(nearest.distanceM()) + " km away"),
                        null, null, false);
            } else {
                if (cityShare < Overlap.WHOLE) {
                    fired.add("city-partly-outside", general.cityPartlyOutside(), "场地仅有 " + pct(cityShare) + "% 位于规划为"
                            + city.nameZh() + "布局的区域内", "only " + pct(cityShare) + "% of the site lies in areas the plan "
                            + "assigns to the " + city.nameEn(), null, null, false);
                }
                if (industry != null && serving.stream().noneMatch(h -> h.area().purpose().industries().contains(industry))) {
                    fired.add("industry-not-listed", general.industryNotListed(), "场地所在的" + city.nameZh() + "区域（"
                            + names(serving, true) + "）未将" + industry + "列为其产业方向", "the " + city.nameEn()
                            + " areas the site lies in (" + names(serving, false) + ") do not list "
                            + Industries.nameEn(industry).orElse(industry) + " among their industries", null, null, false);
                }
            }
        }
        restrictions(book, hits, industry, fired);
        constraints(index, site, hits, industry, fired, notes);
        if (hits.stream().anyMatch(h -> "schematic".equals(h.area().accuracy()))) {
            notes.add(new Review.Note("schematic", "所涉板块、开发区等范围为示意（非官方边界），审查结果仅供参考",
                    "the extents of the zones involved are schematic (not official boundaries): the review is advice only"));
        }
        Verdict verdict = Verdict.of(fired.strongest());
        City named = city;
        List<Review.AreaHit> areaHits = hits.stream().map(h -> hit(h, named, withGeometry)).toList();
        Point centroid = site.geometry().getInteriorPoint();
        return new Review(new Review.SiteView(site.id(), site.layer(), site.nameZh(), site.nameEn(),
                site.geometry().getGeometryType(), round(site.areaM2(), 10), new double[] {
                    round(centroid.getX(), 1_000_000), round(centroid.getY(), 1_000_000)},
                withGeometry ? site.geometry() : null),
                new Review.Declared(city == null ? null : city.id(), city == null ? null : city.nameZh(),
                        city == null ? null : city.nameEn(), industry, industry == null ? null
                        : Industries.nameEn(industry).orElse(null)),
                verdict.code(), verdict.nameZh(), verdict.nameEn(), round(cityShare, 1000), areaHits, fired.rules(),
                overlappingProjects(site, excludeProject), nearest, notes,
                withGeometry ? book.checksum() : null, withGeometry ? OffsetDateTime.now(ZoneOffset.UTC) : null);
    }

    private record Hit(ReviewArea area, Overlap overlap) {
    }

    private static void restrictions(RuleBook book, List<Hit> hits, String industry, Fired fired) {
        if (industry == null) {
            return;
        }
        for (Hit hit : hits) {
            for (Restriction restriction : book.restrictions()) {
                if (restriction.layer().equals(hit.area().layer()) && restriction.feature().equals(hit.area().feature())
                        && restriction.industries().contains(industry)) {
                    fired.add("restriction:" + restriction.id(), restriction.source(), restriction.level(),
                            restriction.messageZh() + "（场地 " + pct(hit.overlap().sharePct()) + "% 位于“"
                                    + hit.area().nameZh() + "”）", restriction.messageEn() + " (" + pct(hit.overlap().sharePct())
                                    + "% of the site lies in " + hit.area().nameEn() + ")",
                            hit.area().layer(), hit.area().feature(), hit.area().sample());
                }
            }
        }
    }

    private static void constraints(AreaIndex index, Site site, List<Hit> hits, String industry, Fired fired,
                                    List<Review.Note> notes) {
        for (ConstraintRule line : index.constraints()) {
            List<Hit> inside = hits.stream().filter(h -> line.equals(h.area().constraint())).toList();
            double share = Overlap.shareOfUnion(site, inside.stream().map(Hit::overlap).toList());
            boolean sample = line.sample() || inside.stream().anyMatch(h -> h.area().sample());
            String noteZh = sample ? "（示意，不具法律效力）" : "";
            String noteEn = sample ? " (schematic sample, no legal effect)" : "";
            if (line.permits(industry)) {
                continue;
            }
            if (line.inside() != null && share > 0) {
                fired.addConstraint("constraint:" + line.layer() + ":inside", line, line.inside(),
                        "场地有 " + pct(share) + "% 位于" + line.nameZh() + "“" + names(inside, true) + "”内：" + line.messageZh()
                                + noteZh, pct(share) + "% of the site lies inside the " + line.nameEn().toLowerCase(Locale.ROOT)
                                + " (" + names(inside, false) + "): " + line.messageEn() + noteEn, sample);
            }
            if (line.outside() != null && share < Overlap.WHOLE) {
                fired.addConstraint("constraint:" + line.layer() + ":outside", line, line.outside(),
                        "场地有 " + pct(100 - share) + "% 位于" + line.nameZh() + "（" + line.layer() + "）外：" + line.messageZh()
                                + noteZh, pct(100 - share) + "% of the site lies outside the "
                                + line.nameEn().toLowerCase(Locale.ROOT) + " (" + line.layer() + "): " + line.messageEn() + noteEn,
                        sample);
            }
            if (sample && !inside.isEmpty() && notes.stream().noneMatch(n -> n.code().equals("sample"))) {
                notes.add(new Review.Note("sample", "所用约束图层为示意样例，示意，不具法律效力；正式审查须以官方控制线为准",
                        "a constraint layer used is a schematic sample with no legal effect: a formal review needs the "
                                + "official control lines"));
            }
        }
    }

    private Review.NearestArea nearest(AreaIndex index, Site site, String city) {
        Review.NearestArea nearest = null;
        for (AreaIndex.Indexed serving : index.serving(city)) {
            double metres = index.distance(serving).metres(site.geometry());
            if (nearest == null || metres < nearest.distanceM()) {
                ReviewArea area = serving.area();
                nearest = new Review.NearestArea(area.layer(), area.feature(), area.nameZh(), area.nameEn(),
                        round(metres, 1));
            }
        }
        return nearest;
    }

    private List<Review.ProjectOverlap> overlappingProjects(Site site, String excludeProject) {
        List<Review.ProjectOverlap> found = new ArrayList<>();
        for (ProjectIndex.Project project : projects.candidates(site.geometry())) {
            if (project.id().equals(excludeProject) || !project.prepared().intersects(site.geometry())) {
                continue;
            }
            boolean areal = !site.isPuntal() && project.geometry().getDimension() == 2;
            Double m2 = null;
            Double share = site.isPuntal() ? 100.0 : null;
            if (areal) {
                Overlap overlap = Overlap.of(site, project.geometry(), project.prepared());
                if (overlap == null) {
                    continue;
                }
                m2 = round(overlap.m2(), 10);
                share = round(overlap.sharePct(), 1000);
            }
            found.add(new Review.ProjectOverlap(project.id(), project.nameZh(), project.nameEn(), project.city(), m2, share));
        }
        found.sort(java.util.Comparator.comparing(Review.ProjectOverlap::id));
        return found;
    }

    private static Review.AreaHit hit(Hit hit, City city, boolean withGeometry) {
        ReviewArea area = hit.area();
        boolean sample = area.sample();
        return new Review.AreaHit(area.layer(), area.layerTitleZh(), area.layerTitleEn(), area.feature(), area.nameZh(),
                area.nameEn(), area.accuracy(), round(hit.overlap().m2(), 10), round(hit.overlap().sharePct(), 1000),
                city != null && area.serves(city.id()),
                area.purpose() == null ? List.of() : area.purpose().cities(),
                area.purpose() == null ? List.of() : area.purpose().industries(),
                area.constraint() == null ? null : area.constraint().kind(), sample,
                sample ? "示意，不具法律效力" : null, sample ? "schematic sample, no legal effect" : null,
                // the part of a point site inside an area is the point itself: nothing to draw apart
                withGeometry && hit.overlap().m2() > 0 ? hit.overlap().piece() : null);
    }

    private static String names(List<Hit> hits, boolean chinese) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        hits.forEach(h -> names.put(chinese ? orId(h.area().nameZh(), h.area()) : orId(h.area().nameEn(), h.area()), true));
        return String.join(chinese ? "、" : ", ", names.keySet());
    }

    private static String orId(String name, ReviewArea area) {
        return name != null ? name : area.feature();
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f", share);
    }

    private static String km(double metres) {
        return String.format(Locale.ROOT, "%.1f", metres / 1000);
    }

    static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    /** The rules that fired so far, in the order they fired. */
    private static final class Fired {

        private final RuleBook book;
        private final List<Review.FiredRule> rules = new ArrayList<>();
        private RuleLevel strongest;

        Fired(RuleBook book) {
            this.book = book;
        }

        void add(String id, GeneralRules.Rule rule, String messageZh, String messageEn, String layer, String feature,
                 boolean sample) {
            add(id, rule.source(), rule.level(), messageZh, messageEn, layer, feature, sample);
        }

        void add(String id, String source, RuleLevel level, String messageZh, String messageEn, String layer,
                 String feature, boolean sample) {
            rules.add(new Review.FiredRule(id, level.code(), level.nameZh(), level.nameEn(), messageZh, messageEn, layer,
                    feature, book.source(source), sample));
            strongest = RuleLevel.strongest(strongest, level);
        }

        void addConstraint(String id, ConstraintRule line, RuleLevel level, String messageZh, String messageEn,
                           boolean sample) {
            rules.add(new Review.FiredRule(id, level.code(), level.nameZh(), level.nameEn(), messageZh, messageEn,
                    line.layer(), null, line.source(), sample));
            // a sample line shows what the rule would do; it has no legal effect, but a planner trying the
            // review expects the verdict to follow it, and every place it shows says it is a sample
            strongest = RuleLevel.strongest(strongest, level);
        }

        RuleLevel strongest() {
            return strongest;
        }

        List<Review.FiredRule> rules() {
            return List.copyOf(rules);
        }
    }
}
