#!/usr/bin/env python3
"""Validate gis-data/: run after export.py (needs the build database, PG* variables).

Checks: every file parses; FeatureCollection, no `crs`, string ids unique per file;
every property listed in layers.json with the right type and every listed field used;
coordinates have at most 6 decimals; RFC 7946 ring orientation; PostGIS ST_IsValid on
every feature; everything inside the city outline; the stated containments and
overlaps; projects' vocabularies and their intended places; cities.json references.
Prints a per-feature table of the districts each feature intersects. Exit 1 on failure.
"""
import json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SRC = os.environ.get("CHANGCHUN_SRC", os.path.join(HERE, "..", "..", "..", "shared", "data", "changchun"))
errors, passed = [], 0


def check(cond, msg):
    global passed
    if cond:
        passed += 1
    else:
        errors.append(msg)
    return cond


def psql(sql):
    r = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1"], input=sql,
                       capture_output=True, text=True)
    if r.returncode:
        sys.exit("psql failed: " + r.stderr)
    return [line.split("\t") for line in r.stdout.splitlines() if line]


TYPES = {"string": lambda v: isinstance(v, str), "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
         "integer": lambda v: isinstance(v, int) and not isinstance(v, bool), "boolean": lambda v: isinstance(v, bool)}
DEC = re.compile(r"-?\d+\.(\d+)")

layers = json.load(open(os.path.join(OUT, "layers.json"), encoding="utf-8"))
data = {}
for L in layers["layers"]:
    path = os.path.join(OUT, L["file"])
    text = open(path, encoding="utf-8").read()
    fc = json.loads(text)
    data[L["id"]] = fc
    check(fc.get("type") == "FeatureCollection", f"{L['file']}: not a FeatureCollection")
    check(set(fc) == {"type", "features"}, f"{L['file']}: extra top-level members {set(fc) - {'type', 'features'}}")
    check(L["kind"] in ("plan-area", "context", "projects"), f"{L['id']}: bad kind")
    ids = [f.get("id") for f in fc["features"]]
    check(all(isinstance(i, str) and i for i in ids), f"{L['file']}: non-string id")
    check(len(ids) == len(set(ids)), f"{L['file']}: duplicate ids")
    fields = {f["name"]: f["type"] for f in L["fields"]}
    check(len(fields) == len(L["fields"]), f"{L['id']}: duplicate field")
    check(all(t in TYPES for t in fields.values()), f"{L['id']}: bad field type")
    used = set()
    for f in fc["features"]:
        check(f.get("type") == "Feature" and set(f) == {"type", "id", "properties", "geometry"}, f"{f.get('id')}: bad feature members")
        for k, v in f["properties"].items():
            used.add(k)
            if check(k in fields, f"{L['id']}/{f['id']}: property {k} not in layers.json"):
                check(v is None or TYPES[fields[k]](v), f"{L['id']}/{f['id']}: {k}={v!r} is not {fields[k]}")
        coords = json.dumps(f["geometry"]["coordinates"])
        long = [m for m in DEC.findall(coords) if len(m) > 6]
        if L["id"] == "districts":   # copied untouched from the source: report, do not fail
            if long:
                print(f"  note: districts/{f['id']}: {len(long)} coordinate values with more than 6 decimals kept from the source")
        else:
            check(not long, f"{f['id']}: more than 6 decimals")

        def signed_area(ring):
            return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"] if g["type"] == "MultiPolygon" else []
        for poly in polys:
            check(signed_area(poly[0]) > 0, f"{f['id']}: exterior ring not counter-clockwise")
            check(all(signed_area(h) < 0 for h in poly[1:]), f"{f['id']}: hole not clockwise")
    check(used == set(fields), f"{L['id']}: fields listed but never used: {set(fields) - used}")
    print(f"parsed {L['file']:22} {len(ids):3} features, {len(fields)} fields")

# ---------------------------------------------------------------- PostGIS checks
sql = ["drop table if exists chk; create table chk (layer text, id text, geom geometry(Geometry, 4326));"]
for lid, fc in data.items():
    for f in fc["features"]:
        g = json.dumps(f["geometry"]).replace("'", "''")
        sql.append(f"insert into chk values ('{lid}', '{f['id']}', ST_SetSRID(ST_GeomFromGeoJSON('{g}'), 4326));")
city = json.load(open(os.path.join(SRC, "changchun-city.geojson"), encoding="utf-8"))["features"][0]["geometry"]
sql.append("drop table if exists chk_city; create table chk_city as select ST_SetSRID(ST_GeomFromGeoJSON('"
           + json.dumps(city) + "'), 4326) as geom;")
psql("\n".join(sql))

bad = psql("select layer, id, ST_IsValidReason(geom) from chk where not ST_IsValid(geom)")
check(not bad, f"invalid geometries: {bad}")
n = psql("select count(*) from chk")[0][0]
print(f"ST_IsValid: {n} features checked, {len(bad)} invalid")

# inside the city outline (tolerance 1 m² for polygons that follow the outline; points strictly)
# the provincial layers reach beyond the city on purpose: their polygons stay inside the province
REGIONAL = "('regional-zones', 'regional-corridors')"
out = psql(f"""select layer, id, round((ST_Area(ST_Difference(c.geom, (select geom from chk_city))::geography))::numeric, 3)
              from chk c where layer not in {REGIONAL} and ST_Dimension(c.geom) = 2
               and ST_Area(ST_Difference(c.geom, (select geom from chk_city))::geography) > 1
              union all select layer, id, null from chk c where ST_Dimension(c.geom) = 0 and not ST_Within(c.geom, (select geom from chk_city))""")
check(not out, f"outside the city outline: {out}")
print(f"inside city outline: {len(out)} problems")
out = psql("""select id from chk c where layer = 'regional-zones'
              and ST_Area(ST_Difference(c.geom, (select ST_Union(geom) from src_province))::geography) > 1""")
check(not out, f"regional zones outside the province: {out}")
print(f"regional zones inside the province outline: {len(out)} problems")


def rel(sql_bool, msg):
    r = psql(f"select ({sql_bool})")[0][0]
    check(r == "t", msg)
    print(f"  [{'ok' if r == 't' else 'FAIL'}] {msg}")


def G(layer, fid):
    return f"(select geom from chk where layer='{layer}' and id='{fid}')"


def within(a, b, tol_m2=1):  # a covered by b up to tol
    return f"ST_Area(ST_Difference({a}, {b})::geography) <= {tol_m2}"


print("containment / overlap rules:")
rel(within(G("dev-zones", "gongzhuling-agri-hitech"), G("districts", "220184")), "gongzhuling-agri-hitech within 公主岭 220184")
rel(within(G("dev-zones", "mishazi"), G("districts", "220183")), "mishazi within 德惠 220183")
rel(f"ST_Intersects({G('dev-zones', 'qikai')}, {G('districts', '220104')}) or ST_Intersects({G('dev-zones', 'qikai')}, {G('districts', '220106')})",
    "qikai intersects 朝阳 220104 or 绿园 220106")
rel(within(G("dev-zones", "qikai"), G("major-zones", "auto-city")), "qikai within auto-city (core)")
for z in ("gaoxin", "jingkai", "beihu"):
    rel(within(G("dev-zones", z), G("major-zones", "innovation-centre")), f"{z} within innovation-centre")
    rel(within(G("dev-zones", z), G("dev-zones", "changchun-new-area")) if z != "jingkai" else "true",
        f"{z} within changchun-new-area" if z != "jingkai" else "jingkai: not part of changchun-new-area (no rule)")
for z in ("jingyue", "lianhuashan"):
    rel(f"ST_Area(ST_Intersection({G('dev-zones', z)}, {G('major-zones', 'film-city')})::geography) > 1e6", f"{z} overlaps film-city (> 1 km²)")
rel(f"ST_Equals({G('dev-zones', 'sino-korea-zone')}, {G('major-zones', 'sino-korea')})", "sino-korea-zone = sino-korea major zone")
rel(within(G("dev-zones", "xinglong-bonded"), G("dev-zones", "sino-korea-zone")), "xinglong-bonded within sino-korea-zone")
rel(f"ST_Intersects({G('dev-zones', 'airport-economy')}, ST_SetSRID(ST_Point(125.69, 44.00), 4326))", "airport-economy contains Longjia airport (125.69E 44.00N)")
rel(f"ST_NumGeometries({G('major-zones', 'auto-city')}) = 2", "auto-city is a MultiPolygon of 2 parts")
rel(f"ST_NumGeometries({G('major-zones', 'innovation-centre')}) = 3", "innovation-centre is a MultiPolygon of 3 parts")
rel(within(f"(select ST_GeometryN(geom, 2) from chk where id='auto-city')", G("districts", "220184")) + " or " +
    within(f"(select ST_GeometryN(geom, 1) from chk where id='auto-city')", G("districts", "220184")),
    "auto-city extension part within 公主岭 220184")
rel(f"""(select bool_and(ST_Intersects({G('corridors', 'sci-tech-corridor')}, d.geom)) from ST_Dump({G('major-zones', 'innovation-centre')}) d)""",
    "sci-tech-corridor touches all three innovation-centre sub-areas")
rel(within(G("corridors", "consumption-belt"), "(select geom from chk_city)"), "consumption-belt within the city")
for d in ("220104", "220102", "220103"):
    rel(f"ST_Intersects({G('corridors', 'consumption-belt')}, {G('districts', d)})", f"consumption-belt crosses district {d}")
rel(f"ST_Intersects({G('corridors', 'consumption-belt')}, {G('dev-zones', 'xinglong-bonded')})", "consumption-belt starts at xinglong-bonded (NE)")
rel(f"ST_Intersects({G('corridors', 'consumption-belt')}, {G('dev-zones', 'gaoxin')})", "consumption-belt ends at gaoxin (SW)")
CENTRE = "ST_SetSRID(ST_Point(125.324, 43.887), 4326)"
for c in ("chang-ji-hun", "chang-bai-tong-dan", "east-west-tourism-loop"):
    rel(f"ST_Intersects({G('regional-corridors', c)}, ST_Buffer({CENTRE}, 0.001))", f"{c} starts at the centre of Changchun")
rel(f"ST_Contains(ST_MakePolygon(ST_GeometryN({G('regional-corridors', 'siliao-jisong-ring')}, 1)), {CENTRE})",
    "siliao-jisong-ring goes around Changchun")
rel(f"not ST_Intersects({G('regional-zones', 'west-clean-energy-base')}, (select geom from chk_city))",
    "west-clean-energy-base lies west of the city, outside it")
rel(f"ST_Intersects({G('regional-zones', 'central-west-grain-belt')}, {G('agri-belts', 'west')})",
    "central-west-grain-belt reaches the city's west belt")
for f in data["sites"]["features"]:
    layer, fid = f["properties"]["located_in"].split(":")
    rel(f"ST_Within({G('sites', f['id'])}, {G(layer, fid)})", f"site {f['id']} within {layer}/{fid}")
src = json.load(open(os.path.join(SRC, "changchun-districts.geojson"), encoding="utf-8"))
same = all(f["geometry"] == s["geometry"] for f, s in zip(data["districts"]["features"], src["features"]))
check(same, "districts geometry differs from the source"); print(f"  [{'ok' if same else 'FAIL'}] districts geometry identical to the source file")
for belt, members in (("west", "'220182','220122','220183'"), ("east", "'220113','220112'")):
    extra = " union all select geom from chk where id='gongzhuling-agri-hitech'" if belt == "west" else ""
    r = psql(f"""select round((ST_Area(ST_SymDifference({G('agri-belts', belt)},
                 ST_Union(array(select geom from chk where layer='districts' and id in ({members}){extra})))::geography))::numeric, 1)""")[0][0]
    check(float(r) < 100, f"{belt} belt differs from the union"); print(f"  [{'ok' if float(r) < 100 else 'FAIL'}] agri-belt {belt} = union of its members (symmetric difference {r} m²)")

# ---------------------------------------------------------------- projects
CITIES = {"automobile", "agriculture", "dual-carbon", "sci-tech", "consumption", "culture"}
PROG = set("政治引领 科技创新 转型升级 改革开放 城市更新 乡村振兴 生态文明 民生改善 安全稳定 党的建设".split())
IND = set("新能源 新装备 新材料 新农业 新旅游 新电商".split())
FAC = set("新基建 新环境 新生活 新消费".split())
P = data["projects"]["features"]
check([f["id"] for f in P] == [f"p{i:03d}" for i in range(1, 49)], "project ids are not p001..p048")
per_city = {}
for f in P:
    p, i = f["properties"], f["id"]
    required = ["name_zh", "name_en", "city", "programme", "industry", "facility", "status", "start_year", "investment_cny_100m", "sample", "note"]
    check(list(p) == required, f"{i}: properties {list(p)}")
    check(p["name_zh"].endswith("（示例）") and p["name_en"].endswith(" (sample)"), f"{i}: name suffix")
    check(p["city"] in CITIES, f"{i}: city {p['city']}")
    check(p["programme"] in PROG, f"{i}: programme"); check(p["industry"] is None or p["industry"] in IND, f"{i}: industry")
    check(p["facility"] is None or p["facility"] in FAC, f"{i}: facility")
    check(p["status"] in ("planned", "under_construction", "completed"), f"{i}: status")
    check(2021 <= p["start_year"] <= 2026, f"{i}: start_year"); check(0.5 <= p["investment_cny_100m"] <= 200, f"{i}: investment")
    check(p["sample"] is True, f"{i}: sample")
    per_city[p["city"]] = per_city.get(p["city"], 0) + 1
check(all(per_city.get(c, 0) >= 6 for c in CITIES), f"projects per city: {per_city}")
kinds = {}
for f in P:
    kinds[f["geometry"]["type"]] = kinds.get(f["geometry"]["type"], 0) + 1
areas = psql("select id, round((ST_Area(geom::geography)/1e6)::numeric, 2) from chk where layer='projects' and ST_Dimension(geom)=2")
check(all(0.5 <= float(a) <= 5 for _, a in areas), f"project polygon areas outside 0.5–5 km²: {areas}")
miss = psql("""select p.id, t from proj p cross join lateral unnest(string_to_array(p.target, ',')) t
  join chk c on c.layer = 'projects' and c.id = p.id
  left join chk f on f.layer || ':' || f.id = t
  where not coalesce(case when ST_Dimension(c.geom) = 0 then ST_Within(c.geom, f.geom) else ST_Intersects(c.geom, f.geom) end, false)""")
check(not miss, f"projects not at their intended place: {miss}")
print(f"projects: {len(P)} ({kinds}); per city {per_city}; polygon areas {min(float(a) for _, a in areas)}–{max(float(a) for _, a in areas)} km²; "
      f"intended places missed: {len(miss)}")

# ---------------------------------------------------------------- cities.json
cities = json.load(open(os.path.join(OUT, layers["cities"]), encoding="utf-8"))["cities"]
check([c["id"] for c in cities] == ["automobile", "agriculture", "dual-carbon", "sci-tech", "consumption", "culture"], "city ids")
check(len({c["colour"].lower() for c in cities}) == 6, "city colours not distinct")
feat_ids = {(lid, f["id"]) for lid, fc in data.items() for f in fc["features"]}
nmem = 0
for c in cities:
    check(any(m["role"] == "lead" for m in c["members"]), f"{c['id']}: no lead")
    keys = [(m.get("layer"), m.get("feature")) for m in c["members"] if "layer" in m]
    check(len(keys) == len(set(keys)), f"{c['id']}: duplicate member")
    for m in c["members"]:
        nmem += 1
        check(m["role"] in ("lead", "support"), f"{c['id']}: role {m['role']}")
        if "layer" in m or "feature" in m:
            check((m.get("layer"), m.get("feature")) in feat_ids, f"{c['id']}: member {m.get('layer')}/{m.get('feature')} does not exist")
        else:
            check("name_zh" in m and "name_en" in m, f"{c['id']}: non-spatial member without names")
    check("targets" not in c, f"{c['id']}: targets belong in indicators.json")
print(f"cities.json: {len(cities)} cities, {nmem} members checked")

# ---------------------------------------------------------------- indicators (the cities' targets)
indicators = json.load(open(os.path.join(OUT, layers["indicators"]), encoding="utf-8"))["indicators"]
city_ids = {c["id"] for c in cities} | {"city-wide"}
for i in indicators:
    check(i["city"] in city_ids, f"indicator {i['id']}: city {i['city']}")
    check(isinstance(i["target"], (int, float)) and i["comparator"] in (">=", ">", "<=", "<"), f"indicator {i['id']}: target")
    check(("source" in i["base"]) != bool(i["base"].get("sample")), f"indicator {i['id']}: base needs a source or sample: true")
print(f"indicators.json: {len(indicators)} indicators checked (the service checks them fully at start-up)")

# ---------------------------------------------------------------- summary table
print("\nper-feature district intersections (interiors intersect; polygons: km² inside each district; points: containing district)")
rows = psql("""select c.layer, c.id, string_agg(d.id || ' ' || dn.name_zh ||
                 case when ST_Dimension(c.geom) = 2 then ' ' || round((ST_Area(ST_Intersection(c.geom, d.geom)::geography)/1e6)::numeric, 1) else '' end,
                 ', ' order by ST_Area(ST_Intersection(c.geom, d.geom)::geography) desc, d.id)
               from chk c join chk d on d.layer = 'districts' and ST_Relate(c.geom, d.geom, 'T********')
               join src_districts dn on dn.adcode = d.id
               where c.layer <> 'districts' group by c.layer, c.id order by c.layer, c.id""")
for layer, fid, ds in rows:
    print(f"  {layer:12} {fid:24} {ds}")

print(f"\n{passed} passed, {len(errors)} failed")
for e in errors:
    print("  FAIL:", e)
sys.exit(1 if errors else 0)
