-- Agricultural belts, DERIVED from the district polygons (exact ST_Union).
-- west 西部粮食安全产业带 = 榆树 220182 ∪ 农安 220122 ∪ 德惠 220183 ∪ the schematic
--      公主岭国家农业高新技术产业示范区 (its core; dev-zones id gongzhuling-agri-hitech)
-- east 东部特色农业产业带 = 九台 220113 ∪ 双阳 220112
-- Requires 10_zones.sql (table zgeom). Parts are kept as they are (min part area 0).
\set ON_ERROR_STOP on
drop table if exists bgeom;
create table bgeom as
  select 'west'::text as id,
         sch_finish(ST_Union(array(
           select geom from src_districts where adcode in ('220182', '220122', '220183')
           union all select geom from zgeom where id = 'gongzhuling-agri-hitech')), 0) as geom
  union all
  select 'east', sch_finish(ST_Union(array(
           select geom from src_districts where adcode in ('220113', '220112'))), 0);
