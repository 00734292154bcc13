package org.changchun.layout.compliance;

import java.util.Optional;
import org.changchun.layout.plan.City;
import org.changchun.layout.plan.CityCatalog;
import org.changchun.layout.plan.rules.Industries;
import org.changchun.layout.query.InvalidQueryException;
import org.springframework.stereotype.Component;

/**
 * Reads the city and industry a check declares: a city by id or name, one of the six new industries
 * by its Chinese or English name. A value that is neither is the caller's mistake (400), answered
 * with the values there are.
 */
@Component
class Declarations {

    private final CityCatalog cities;

    Declarations(CityCatalog cities) {
        this.cities = cities;
    }

    /**
     * @param city     required
     * @param industry optional (null or blank: none)
     * @throws InvalidQueryException for a missing or unknown city, or an unknown industry
     */
    Declaration read(String city, String industry) {
        if (city == null || city.isBlank()) {
            throw new InvalidQueryException("请用 city 给出场地所属的“城”：" + cityList(),
                    "give the city the site serves as city: " + cityList());
        }
        City known = city(cities, city).orElseThrow(() -> new InvalidQueryException(
                "未知的“城”“" + city + "”；可用：" + cityList(), "unknown city '" + city + "'; the cities are " + cityList()));
        String industryName = null;
        if (industry != null && !industry.isBlank()) {
            industryName = BatchReviews.industry(industry).orElseThrow(() -> unknownIndustry(industry));
        }
        return Declaration.of(known.id(), industryName);
    }

    /**
     * What a record declares, as its fields say: an unknown or missing value is kept as given and reviewed
     * as no declaration (the review says so), never refused.
     */
    Declaration asRecorded(String city, String industry) {
        String cityText = city == null || city.isBlank() ? null : city;
        String industryText = industry == null || industry.isBlank() ? null : industry;
        String cityId = cityText == null ? null : city(cities, cityText).map(City::id).orElse(null);
        String industryName = industryText == null ? null : BatchReviews.industry(industryText).orElse(null);
        return new Declaration(cityId, industryName, cityId == null ? cityText : null,
                industryName == null ? industryText : null);
    }

    /**
     * A declaration with the city or industry a caller gives instead (each checked as {@link #read} does);
     * a blank value keeps the recorded one.
     */
    Declaration override(Declaration recorded, String city, String industry) {
        Declaration declared = recorded;
        if (city != null && !city.isBlank()) {
            declared = new Declaration(read(city, null).city(), declared.industry(), null, declared.industryGiven());
        }
        if (industry != null && !industry.isBlank()) {
            String name = BatchReviews.industry(industry).orElseThrow(() -> unknownIndustry(industry));
            declared = new Declaration(declared.city(), name, declared.cityGiven(), null);
        }
        return declared;
    }

    /** A city by id, Chinese or English name, as people and imported tables write it. */
    static Optional<City> city(CityCatalog cities, String text) {
        String wanted = text.strip();
        return cities.all().stream().filter(c -> c.id().equalsIgnoreCase(wanted) || c.nameZh().equals(wanted)
                || c.nameEn().equalsIgnoreCase(wanted)).findFirst();
    }

    private static InvalidQueryException unknownIndustry(String industry) {
        return new InvalidQueryException("未知的产业“" + industry + "”；六新产业为：" + String.join("、", Industries.NAMES.keySet()),
                "unknown industry '" + industry + "'; the six new industries are "
                        + String.join(", ", Industries.NAMES.keySet()) + " (or their English names)");
    }

    private String cityList() {
        return String.join(", ", cities.all().stream().map(c -> c.id() + " " + c.nameZh()).toList());
    }
}
