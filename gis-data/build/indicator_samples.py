#!/usr/bin/env python3
"""Writes gis-data/indicator-observations.csv: the monitoring baseline the service loads.

Every figure in it is either a published one, listed in PUBLISHED below with the bulletin it comes
from, or generated here and marked sample=true (示例数据). Generated figures are deterministic: the
same inputs always give the same file (each value's noise is seeded by its indicator, year and
area). They follow each indicator's path from its base (gis-data/indicators.json) at a pace set
per indicator in PACE, so that the sample shows every status; the district figures split the
whole city's figure by the invented weights in DISTRICT_WEIGHTS. None of them is a statistic.

Run from anywhere: python3 gis-data/build/indicator_samples.py
"""
import csv
import io
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
GIS_DATA = HERE.parent
OUT = GIS_DATA / "indicator-observations.csv"
LAST_YEAR = 2025  # the last year whose figures are published by now (bulletins appear in spring)
SAMPLE_SOURCE = "示例数据，由 gis-data/build/indicator_samples.py 生成 / sample, generated"

# Published figures: (indicator, year) -> (value in the indicator's unit, source). Only figures
# whose source and value are known reliably; everything else is generated and marked sample.
PUBLISHED = {
    ("gdp", 2021): (7103.1, "长春市2021年国民经济和社会发展统计公报"),
    ("gdp", 2022): (6744.6, "长春市2022年国民经济和社会发展统计公报"),
    ("gdp", 2023): (7002.1, "长春市2023年国民经济和社会发展统计公报"),
}

# How far along its path each indicator's generated figures go (1: exactly on the path), or, for
# targets held every year and growth rates, the generated values themselves.
PACE = {
    "car-output": 0.93, "rail-car-output": 1.05, "auto-industry-scale": 0.80,
    "equipment-industry-scale": 0.97, "grain-output": 1.10, "beef-cattle": 0.85, "agri-processing-scale": 1.02,
    "green-cover": 1.40, "new-energy-scale": 1.15, "high-tech-firms": 1.20, "graduates-staying": 1.07,
    "biomedicine-scale": 0.90, "optoelectronics-scale": 0.70, "services-share": 1.00, "retail-sales": 0.78,
    "culture-tourism-scale": 1.00, "tourism-revenue": 0.95,
}
HELD = {"good-air-days": {2022: 91.0, 2023: 89.3, 2024: 90.6, 2025: 88.4}}
GROWTH = {"rd-spending": 0.09}          # generated average growth a year of the level
AFTER_PUBLISHED_GROWTH = {"gdp": 0.06}  # generated growth a year after the last published figure

# Invented shares of the whole city's figure by district (adcode): sample, not statistics.
DISTRICT_WEIGHTS = {
    "population": {"220102": 72, "220103": 70, "220104": 85, "220105": 55, "220106": 80, "220112": 40,
                   "220113": 72, "220122": 110, "220182": 118, "220183": 82, "220184": 108},
    "gdp": {"220102": 10, "220103": 9, "220104": 16, "220105": 8, "220106": 14, "220112": 3, "220113": 6,
            "220122": 6, "220182": 6, "220183": 7, "220184": 8},
    "grain-output": {"220102": 0.2, "220103": 1, "220104": 0.3, "220105": 1, "220106": 0.8, "220112": 5,
                     "220113": 12, "220122": 20, "220182": 23, "220183": 16, "220184": 19},
    "beef-cattle": {"220102": 0.2, "220103": 1, "220104": 0.3, "220105": 1, "220106": 0.5, "220112": 8,
                    "220113": 10, "220122": 22, "220182": 20, "220183": 15, "220184": 20},
    "retail-sales": {"220102": 13, "220103": 11, "220104": 18, "220105": 9, "220106": 12, "220112": 3,
                     "220113": 6, "220122": 6, "220182": 6, "220183": 6, "220184": 8},
}
# Counts are whole numbers; everything else keeps two decimals.
WHOLE = {"rail-car-output", "high-tech-firms"}


def path(indicator, year):
    base, base_year = indicator["base"]["value"], indicator["base"]["year"]
    target_year = indicator.get("target_year", PLAN["target_year"])
    if indicator["kind"] == "growth_rate":
        return base * (1 + indicator["target"] / 100) ** (year - base_year)
    return base + (indicator["target"] - base) * (year - base_year) / (target_year - base_year)


def noise(*key, spread):
    return 1 + random.Random("/".join(map(str, key))).uniform(-spread, spread)


def rounded(indicator_id, value):
    return round(value) if indicator_id in WHOLE else round(value, 2)


def city_series(indicator):
    """(year, value, source, sample) of the whole city, from the base year to LAST_YEAR."""
    iid, base = indicator["id"], indicator["base"]
    rows = [(base["year"], base["value"], base.get("source", SAMPLE_SOURCE), bool(base.get("sample", False)))]
    value = base["value"]
    for year in range(base["year"] + 1, LAST_YEAR + 1):
        if (iid, year) in PUBLISHED:
            value, source = PUBLISHED[(iid, year)]
            rows.append((year, value, source, False))
            continue
        last = year == LAST_YEAR
        spread = 0.003 if last else 0.012
        if iid in HELD:
            value = HELD[iid][year]
        elif iid in GROWTH:
            value = base["value"] * (1 + GROWTH[iid]) ** (year - base["year"]) * noise(iid, year, spread=spread)
        elif iid in AFTER_PUBLISHED_GROWTH:
            value = value * (1 + AFTER_PUBLISHED_GROWTH[iid]) * noise(iid, year, spread=spread)
        elif iid == "population":
            value = value * (1 + 0.002 * noise(iid, year, spread=0.5))
        else:
            value = base["value"] + PACE[iid] * (path(indicator, year) - base["value"]) * noise(iid, year, spread=spread)
        rows.append((year, rounded(iid, value), SAMPLE_SOURCE, True))
    return rows


def district_rows(indicator, city_rows):
    """The whole city's figures split by the invented weights, jittered a little per year; sums kept."""
    weights = DISTRICT_WEIGHTS.get(indicator["id"])
    if not weights:
        return []
    rows = []
    for year, total, _source, _sample in city_rows:
        shares = {adcode: weight * noise(indicator["id"], year, adcode, spread=0.04) for adcode, weight in weights.items()}
        whole = sum(shares.values())
        for adcode in sorted(shares):
            rows.append((indicator["id"], year, adcode, round(total * shares[adcode] / whole, 2), SAMPLE_SOURCE, True))
    return rows


def main():
    global PLAN
    definitions = json.loads((GIS_DATA / "indicators.json").read_text(encoding="utf-8"))
    PLAN = definitions["plan"]
    city = PLAN["city_area"]["adcode"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator", "year", "area", "value", "unit", "source", "sample"])
    for indicator in definitions["indicators"]:
        rows = city_series(indicator)
        for year, value, source, sample in rows:
            writer.writerow([indicator["id"], year, city, value, indicator["unit_zh"], source, str(sample).lower()])
        for iid, year, adcode, value, source, sample in district_rows(indicator, rows):
            writer.writerow([iid, year, adcode, value, indicator["unit_zh"], source, str(sample).lower()])
    OUT.write_text(out.getvalue(), encoding="utf-8")
    print(f"wrote {OUT} ({out.getvalue().count(chr(10)) - 1} figures)")


if __name__ == "__main__":
    main()
