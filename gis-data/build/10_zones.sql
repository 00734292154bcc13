-- Schematic geometry: major zones (四大板块), development zones (开发区), the
-- sci-tech corridor (科创大走廊). NO official geometry exists for any of these:
-- each is a smooth ellipse / buffered line placed at the zone's real location
-- and sized to the published area where DOMAIN.md / the seed gives one, else
-- to an illustrative size. Requires 01_lib.sql and the tables src_districts, src_city.
\set ON_ERROR_STOP on

-- clip masks: city outline and districts, inset 100 m so that a schematic zone
-- never touches a district boundary it is not meant to cross.
drop table if exists mask;
create table mask as
  select 'city'::text as id, sch_buffer(ST_Union(geom), -100) as geom from src_city
  union all
  select adcode, sch_buffer(geom, -100) from src_districts
  union all   -- the city without 公主岭 (urban side of the auto-city)
  select 'city-minus-220184', sch_buffer(ST_Union(geom), -100) from src_districts where adcode <> '220184'
  union all   -- 二道 + 九台 (莲花山 is kept off the other districts)
  select '220105+220113', sch_buffer(ST_Union(geom), -100) from src_districts where adcode in ('220105', '220113');
create or replace function m(k text) returns geometry language sql stable as $$ select geom from mask where id = k $$;

drop table if exists part;   -- named building blocks (sub-areas, parts)
create table part (id text primary key, geom geometry(Geometry, 4326));

-- 长春国际汽车城: core ~153 km² around the 汽开区/FAW (SW of the urban area, 绿园/朝阳 side),
-- extension ~318 km² over 公主岭's 范家屯 (125.08E 43.70N) and 大岭 (≈124.96E 43.61N) towns.
insert into part values ('auto-core', sch_fit(125.195, 43.855, 9.0, 5.4, 10, 153, m('city-minus-220184')));
insert into part values ('auto-ext',  sch_fit(125.020, 43.655, 14.0, 7.2, 45, 318, m('220184')));

-- 长春国家区域创新中心 724 km² in three sub-areas (split of the 724 is our guess):
-- 高新 (SW of the centre, along 前进大街/硅谷大街), 经开 (E), 北湖 (N, incl. 长东北).
insert into part values ('ic-gaoxin',
  sch_fit(125.250, 43.785, 10.5, 7.0, 45, 235, m('city-minus-220184'), sch_buffer((select geom from part where id='auto-core'), 200)));
insert into part values ('ic-jingkai',
  sch_fit(125.475, 43.875, 9.5, 7.0, 0, 210, m('city-minus-220184'), sch_buffer((select ST_Union(geom) from part where id in ('auto-core','ic-gaoxin')), 200)));
insert into part values ('ic-beihu',
  sch_fit(125.420, 43.990, 10.0, 8.5, 0, 279, m('city-minus-220184'), sch_buffer((select geom from part where id='ic-jingkai'), 200)));
insert into part select 'innovation-centre', ST_Union(geom) from part where id like 'ic-%';

-- 中韩(长春)国际合作示范区: NE of the urban area toward 空港; long-term ~210 km².
insert into part values ('sino-korea',
  sch_fit(125.530, 43.950, 10.5, 6.3, 5, 210, m('city'), sch_buffer((select geom from part where id='innovation-centre'), 200)));

-- dev zones in the north-east
insert into part values ('airport-economy',   -- around 龙嘉机场 (≈125.69E 44.00N); size illustrative;
  sch_fit(125.700, 44.005, 6.0, 5.0, 0, 100, m('city')));   -- overlaps the east end of the 中韩 area on purpose
insert into part values ('xinglong-bonded',   -- small bonded zone inside the 中韩 area; size illustrative
  sch_fit(125.565, 43.955, 1.5, 1.05, 0, 5, sch_buffer((select geom from part where id='sino-korea'), -200)));

-- dev zones in the urban south-east
insert into part values ('lianhuashan',       -- 莲花山生态旅游度假区, E of the city; size illustrative
  sch_fit(125.665, 43.870, 9.0, 7.0, 20, 200, m('220105+220113'),
          sch_buffer((select ST_Union(geom) from part where id in ('sino-korea','innovation-centre')), 200)));
insert into part values ('jingyue',           -- 净月高新区 around 净月潭 (≈125.47E 43.78N); size illustrative
  sch_fit(125.480, 43.765, 9.0, 7.5, 30, 220, m('city'),
          sch_buffer((select ST_Union(geom) from part where id in ('innovation-centre','lianhuashan')), 200)));

-- 长春国际影都: around 净月 and 莲花山; area not published in our sources: illustrative ~245 km².
insert into part values ('film-city',
  sch_fit(125.530, 43.815, 12.0, 6.5, 35, 245, m('city'),
          sch_buffer((select ST_Union(geom) from part where id in ('innovation-centre','sino-korea','auto-core')), 200)));

-- dev zones inside the innovation-centre sub-areas and the auto-city core (inset 300 m)
insert into part values ('qikai',   sch_fit(125.235, 43.860, 6.0, 4.0, 20, 90,
  sch_buffer((select geom from part where id='auto-core'), -300)));
insert into part values ('gaoxin',  sch_fit(125.275, 43.805, 7.0, 4.5, 45, 100,
  sch_buffer((select geom from part where id='ic-gaoxin'), -300)));
insert into part values ('jingkai', sch_fit(125.465, 43.875, 6.0, 5.0, 0, 90,
  sch_buffer((select geom from part where id='ic-jingkai'), -300)));
insert into part values ('beihu',   sch_fit(125.410, 43.985, 6.0, 5.0, 0, 90,
  sch_buffer((select geom from part where id='ic-beihu'), -300)));

-- 长春新区 = 高新区 + the 北湖 sub-area (北湖/长东北) + the 空港/临空 area (schematic union)
insert into part select 'changchun-new-area', ST_Union(geom) from part where id in ('gaoxin','ic-beihu','airport-economy');

-- outside the urban area
insert into part values ('gongzhuling-agri-hitech',   -- E of 公主岭 city (≈124.82E 43.50N); size illustrative
  sch_fit(124.860, 43.530, 6.5, 5.0, 30, 100, m('220184')));
insert into part values ('mishazi',                   -- S edge of 德惠, on the road north from the city; size illustrative
  sch_fit(125.460, 44.295, 5.0, 4.0, 0, 60, m('220183')));

-- 科创大走廊: 3.5 km wide buffered line 北湖 -> 经开 -> 高新 through the sub-area centroids
drop table if exists corridor_line;
create table corridor_line as select 'sci-tech-corridor'::text as id, ST_MakeLine(array[
    ST_Centroid((select geom from part where id='ic-beihu')),
    ST_Centroid((select geom from part where id='ic-jingkai')),
    ST_Centroid((select geom from part where id='ic-gaoxin'))]) as geom;
insert into part select id, ST_Intersection(
    ST_Transform(ST_Buffer(ST_Transform(geom, sch_local()), 1750, 'quad_segs=16 join=round endcap=round'), sch_local(), 4326),
    m('city')) from corridor_line;

-- final, cleaned geometry
drop table if exists zgeom;
create table zgeom as select id, sch_finish(geom) as geom from part;
insert into zgeom select 'auto-city', sch_finish(ST_Collect((select geom from part where id='auto-core'),
                                                            (select geom from part where id='auto-ext')));
insert into zgeom select 'sino-korea-zone', geom from zgeom where id = 'sino-korea';
