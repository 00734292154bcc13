-- The places the seed names that 10_zones.sql does not draw: the city's north-east to south-west
-- consumption belt, the provincial corridors and bases Changchun is tied into, and named sites
-- (the five "valleys", the industrial heritage of 长拖 and 长客, FAW, the "northern beauty valley").
-- NO official geometry exists for any of these: positions follow the seed's wording and general
-- geography (city centres, well-known sites), shapes are ours. Edit the numbers here if better
-- locations become known. Requires 01_lib.sql, 10_zones.sql (zgeom, mask) and src_province.
\set ON_ERROR_STOP on

drop table if exists place;
create table place (layer text, id text, geom geometry(Geometry, 4326), primary key (layer, id));

-- Where the provincial lines run: prefecture-level city centres and the sites the loops pass,
-- (lon, lat) from general geographic knowledge, rounded to about a kilometre.
drop table if exists town;
create table town (name text primary key, lon float8, lat float8);
insert into town values
  ('长春', 125.324, 43.887), ('吉林', 126.549, 43.838), ('四平', 124.350, 43.166), ('辽源', 125.144, 42.888),
  ('松原', 124.825, 45.141), ('白城', 122.839, 45.620), ('通化', 125.940, 41.728), ('白山', 126.424, 41.940),
  ('丹东', 124.354, 40.000), ('梅河口', 125.710, 42.539), ('敦化', 128.232, 43.373), ('延吉', 129.509, 42.891),
  ('图们', 129.843, 42.968), ('珲春', 130.366, 42.863), ('长白山', 128.056, 42.006), ('查干湖', 124.280, 45.230),
  ('向海', 122.350, 44.930), ('双辽', 123.500, 43.520);
create or replace function town_line(names text[]) returns geometry language sql stable as $$
  select ST_MakeLine(array(select ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326)
                           from unnest(names) with ordinality n(name, i) join town t using (name) order by n.i))
$$;

-- 东北—西南新型消费带 (corridors): "打造城市东北到西南新型消费带", a 3 km wide belt across the urban
-- area from the 兴隆综保区 (NE) through the centre (人民广场) and 红旗街 to the 高新区 (SW).
drop table if exists consumption_line;
create table consumption_line as select ST_SetSRID(ST_MakeLine(array[
    ST_MakePoint(125.560, 43.955), ST_MakePoint(125.450, 43.920), ST_MakePoint(125.324, 43.887),
    ST_MakePoint(125.275, 43.858), ST_MakePoint(125.215, 43.820)]), 4326) as geom;
insert into place select 'corridors', 'consumption-belt', sch_finish(ST_Intersection(
    ST_Transform(ST_Buffer(ST_Transform(geom, sch_local()), 1500, 'quad_segs=16 join=round endcap=round'),
                 sch_local(), 4326),
    m('city'))) from consumption_line;

-- regional-corridors: lines between city centres, drawn straight (schematic courses)
insert into place values
  -- 环长春四辽吉松工业走廊: the ring through 四平, 辽源, 吉林 and 松原 around Changchun
  ('regional-corridors', 'siliao-jisong-ring', ST_Multi(town_line(array['吉林', '辽源', '四平', '松原', '吉林']))),
  -- 长吉珲大通道: Changchun – Jilin – Yanji – Hunchun, towards the Tumen river
  ('regional-corridors', 'chang-ji-hun', ST_Multi(town_line(array['长春', '吉林', '敦化', '延吉', '图们', '珲春']))),
  -- 长白通(丹)大通道: Changchun – Meihekou – Tonghua – Dandong, with the branch to Baishan
  ('regional-corridors', 'chang-bai-tong-dan', ST_Collect(town_line(array['长春', '梅河口', '通化', '丹东']),
                                                          town_line(array['通化', '白山']))),
  -- 全省东西部旅游大环线: a loop through the east (长白山, 延边) and the west (查干湖, 向海)
  ('regional-corridors', 'east-west-tourism-loop', ST_Multi(town_line(array['长春', '吉林', '敦化', '延吉', '长白山',
      '白山', '通化', '梅河口', '辽源', '四平', '双辽', '向海', '白城', '查干湖', '松原', '长春'])));

-- regional-zones: ellipses clipped to the province outline (inset 1 km)
drop table if exists province_mask;
create table province_mask as select sch_buffer(ST_Union(geom), -1000) as geom from src_province;
insert into place values
  -- 西部国家级清洁能源基地: wind and solar of 白城 and 松原 in the west of the province
  -- (kept 2 km off Changchun's outline: the base is the province's west, not the city's)
  ('regional-zones', 'west-clean-energy-base', sch_finish(ST_Difference(ST_Intersection(
      sch_ellipse(123.400, 45.050, 150, 85, 15), (select geom from province_mask)),
      sch_buffer((select ST_Union(geom) from src_city), 2000)))),
  -- 全省中西部粮食安全产业带: the Songliao plain from 四平 through 长春 to 松原 and 榆树
  ('regional-zones', 'central-west-grain-belt', sch_finish(ST_Intersection(
      sch_ellipse(125.000, 44.300, 250, 95, 40), (select geom from province_mask))));

-- sites: points at the places the seed names, each inside the zone or district it belongs to
insert into place values
  ('sites', 'guang-gu',  ST_SetSRID(ST_MakePoint(125.405, 43.983), 4326)),   -- 光谷: optoelectronics, 北湖 (长春新区)
  ('sites', 'yao-gu',    ST_SetSRID(ST_MakePoint(125.272, 43.808), 4326)),   -- 药谷: biomedicine, 高新区
  ('sites', 'che-gu',    ST_SetSRID(ST_MakePoint(125.240, 43.865), 4326)),   -- 车谷: automobiles, 汽开区
  ('sites', 'nong-gu',   ST_SetSRID(ST_MakePoint(124.858, 43.532), 4326)),   -- 农谷: agricultural science, 公主岭农高区
  ('sites', 'shu-gu',    ST_SetSRID(ST_MakePoint(125.478, 43.768), 4326)),   -- 数谷: digital economy, 净月高新区
  ('sites', 'northern-beauty-valley', ST_SetSRID(ST_MakePoint(125.565, 43.955), 4326)),  -- 北方美谷, at 兴隆综保区
  ('sites', 'faw',       ST_SetSRID(ST_MakePoint(125.228, 43.853), 4326)),   -- 一汽, the first plant on 东风大街
  ('sites', 'changtuo',  ST_SetSRID(ST_MakePoint(125.376, 43.872), 4326)),   -- 长拖 (长拖1958), 二道区 荣光街道
  ('sites', 'changke',   ST_SetSRID(ST_MakePoint(125.262, 43.906), 4326)),   -- 长客 old works, 绿园区 青荫路
  -- the photo captions' places
  ('sites', 'changchun-park', ST_SetSRID(ST_MakePoint(125.250, 43.880), 4326)),  -- 长春公园, 绿园区, 西安大路 – 皓月大路
  ('sites', 'shengtai-street', ST_SetSRID(ST_MakePoint(125.400, 43.800), 4326)); -- 生态大街 projects, 净月高新区
