package org.changchun.layout.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.changchun.layout.csv.Csv;
import org.springframework.http.ResponseEntity;

/**
 * A batch of reviews as a table, one site a row: what a planner filters and sorts in a spreadsheet.
 * Lists in a cell are separated by "; "; rules are written "level id", areas "layer/feature share%".
 */
final class ReviewTable {

    static final List<String> HEADER = List.of("id", "name_zh", "name_en", "city", "industry", "verdict", "verdict_zh",
            "verdict_en", "city_share_pct", "areas", "rules", "rules_zh", "sources", "projects", "nearest_area",
            "nearest_distance_m", "sample", "notes");

    private ReviewTable() {
    }

    static ResponseEntity<byte[]> csv(BatchReviews.Batch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (Review review : batch.reviews()) {
            rows.add(row(review));
        }
        return Csv.response("compliance-" + batch.source() + ".csv", HEADER, rows);
    }

    private static List<Object> row(Review review) {
        List<Object> row = new ArrayList<>();
        row.add(review.site().id());
        row.add(review.site().nameZh());
        row.add(review.site().nameEn());
        row.add(review.declared().city());
        row.add(review.declared().industry());
        row.add(review.verdict());
        row.add(review.verdictZh());
        row.add(review.verdictEn());
        row.add(Csv.plain(review.citySharePct()));
        row.add(review.areas().stream().map(a -> a.layer() + "/" + a.feature() + " " + Reviewer.pct(a.sharePct()) + "%")
                .collect(Collectors.joining("; ")));
        row.add(review.rules().stream().map(r -> r.level() + " " + r.id()).collect(Collectors.joining("; ")));
        row.add(review.rules().stream().map(r -> r.levelZh() + "：" + r.messageZh()).collect(Collectors.joining("; ")));
        row.add(review.rules().stream().map(r -> r.source().id()).distinct().collect(Collectors.joining("; ")));
        row.add(review.projects().stream().map(Review.ProjectOverlap::id).collect(Collectors.joining("; ")));
        row.add(review.nearest() == null ? null : review.nearest().layer() + "/" + review.nearest().feature());
        row.add(review.nearest() == null ? null : Csv.plain(review.nearest().distanceM()));
        row.add(review.rules().stream().anyMatch(Review.FiredRule::sample));
        row.add(review.notes().stream().map(Review.Note::messageZh).collect(Collectors.joining("; ")));
        return row;
    }
}
