-- Project library SAMPLE: 48 ILLUSTRATIVE projects. Every name, figure and date is
-- invented; no row describes a real project or company. Points are (lon, lat);
-- polygons are w_km x h_km rectangles centred on (lon, lat), rotated rot degrees.
-- `target` says where the project is meant to be (layer:feature[,layer:feature...]);
-- validate.py checks it (a point must lie inside; a polygon must intersect each target).
-- It is build metadata only and is not exported.
\set ON_ERROR_STOP on
drop table if exists proj;
create table proj (
  id text primary key, shape text, lon float8, lat float8, w_km float8, h_km float8, rot float8,
  target text, name_zh text, name_en text, city text, programme text, industry text, facility text,
  status text, start_year int, investment_cny_100m numeric, geom geometry(Geometry, 4326));

insert into proj (id, shape, lon, lat, w_km, h_km, rot, target, name_zh, name_en, city, programme, industry, facility, status, start_year, investment_cny_100m) values
-- 国际汽车城 automobile: 汽开区 (lead); 朝阳, 绿园, 宽城, 公主岭 (support)
('p001','point',  125.235, 43.862, null, null, null, 'dev-zones:qikai',          '新能源整车智能制造基地扩建（示例）', 'New-energy vehicle smart-manufacturing base expansion (sample)', 'automobile', '转型升级', '新能源', null,     'under_construction', 2023, 85.0),
('p002','polygon',125.205, 43.845, 2.0, 1.4, 10,   'dev-zones:qikai',          '汽车零部件配套产业园（示例）', 'Auto-parts supplier park (sample)', 'automobile', '转型升级', '新装备', null, 'completed', 2021, 32.0),
('p003','point',  125.170, 43.905, null, null, null, 'districts:220106',       '轨道客车配套产业园（示例）', 'Rail passenger-car supplier park (sample)', 'automobile', '转型升级', '新装备', null, 'under_construction', 2022, 18.5),
('p004','point',  125.270, 43.850, null, null, null, 'districts:220104,major-zones:auto-city', '汽车试验检测中心（示例）', 'Vehicle testing and certification centre (sample)', 'automobile', '科技创新', '新装备', '新基建', 'planned', 2025, 12.0),
('p005','point',  125.330, 43.950, null, null, null, 'districts:220103',       '汽车后市场服务与交易中心（示例）', 'Automotive aftermarket service and trading centre (sample)', 'automobile', '转型升级', '新电商', '新消费', 'completed', 2022, 6.5),
('p006','polygon',125.070, 43.700, 3.0, 1.5, 30,   'districts:220184,major-zones:auto-city', '整车物流与零部件集散园（示例）', 'Vehicle logistics and parts distribution park (sample)', 'automobile', '转型升级', '新装备', '新基建', 'under_construction', 2023, 24.0),
('p007','point',  124.970, 43.610, null, null, null, 'districts:220184,major-zones:auto-city', '汽车电子与线束生产基地（示例）', 'Automotive electronics and wiring-harness plant (sample)', 'automobile', '转型升级', '新装备', null, 'planned', 2026, 9.8),
-- straddles the 朝阳/绿园 boundary on purpose
('p008','polygon',125.243621, 43.845307, 4.0, 0.5, 40, 'districts:220104,districts:220106,dev-zones:qikai', '智能网联汽车测试示范道路（示例）', 'Connected and autonomous vehicle test road (sample)', 'automobile', '科技创新', '新装备', '新基建', 'under_construction', 2024, 7.5),

-- 现代农业城 agriculture: 公主岭国家农高区 (lead); west belt 榆树, 农安, 德惠; east belt 九台, 双阳
('p009','polygon',124.860, 43.530, 2.0, 2.0, 0,    'dev-zones:gongzhuling-agri-hitech', '玉米种业创新示范基地（示例）', 'Maize seed-breeding innovation demonstration base (sample)', 'agriculture', '科技创新', '新农业', null, 'under_construction', 2022, 15.0),
('p010','point',  124.840, 43.510, null, null, null, 'dev-zones:gongzhuling-agri-hitech', '农业科技成果转化服务中心（示例）', 'Agri-tech transfer and incubation centre (sample)', 'agriculture', '科技创新', '新农业', '新基建', 'completed', 2022, 3.2),
('p011','polygon',126.500, 44.850, 2.5, 1.9, 0,    'districts:220182,agri-belts:west', '高标准农田建设示范片（示例）', 'High-standard farmland demonstration block (sample)', 'agriculture', '乡村振兴', '新农业', '新基建', 'completed', 2021, 2.4),
('p012','point',  126.550, 44.830, null, null, null, 'districts:220182,agri-belts:west', '粮食仓储物流中心（示例）', 'Grain storage and logistics centre (sample)', 'agriculture', '安全稳定', '新农业', '新基建', 'under_construction', 2023, 5.6),
('p013','point',  125.180, 44.430, null, null, null, 'districts:220122,agri-belts:west', '肉牛标准化养殖示范场（示例）', 'Standardised beef-cattle farm (sample)', 'agriculture', '乡村振兴', '新农业', null, 'completed', 2022, 1.8),
('p014','polygon',124.950, 44.400, 3.0, 1.5, 0,    'districts:220122,agri-belts:west', '黑土地保护性耕作示范区（示例）', 'Black-soil conservation tillage demonstration area (sample)', 'agriculture', '生态文明', '新农业', '新环境', 'under_construction', 2022, 0.9),
('p015','point',  125.720, 44.520, null, null, null, 'districts:220183,agri-belts:west', '农产品精深加工产业园（示例）', 'Farm-produce deep-processing park (sample)', 'agriculture', '转型升级', '新农业', null, 'under_construction', 2023, 26.0),
('p016','point',  126.050, 44.150, null, null, null, 'districts:220113,agri-belts:east', '特色果蔬种植示范基地（示例）', 'Specialty fruit and vegetable growing base (sample)', 'agriculture', '乡村振兴', '新农业', null, 'completed', 2021, 1.2),
('p017','point',  125.660, 43.550, null, null, null, 'districts:220112,agri-belts:east', '梅花鹿特色养殖与加工园（示例）', 'Sika-deer farming and processing park (sample)', 'agriculture', '乡村振兴', '新农业', null, 'under_construction', 2024, 6.8),

-- "双碳"示范区 dual-carbon: 中韩示范区, 米沙子镇 (lead); 九台, 双阳, 莲花山, 净月 (support)
('p018','polygon',125.660, 43.970, 2.0, 1.5, 15,   'dev-zones:sino-korea-zone', '氢能装备制造产业园（示例）', 'Hydrogen-energy equipment manufacturing park (sample)', 'dual-carbon', '转型升级', '新能源', null, 'under_construction', 2023, 45.0),
('p019','point',  125.620, 43.990, null, null, null, 'dev-zones:sino-korea-zone', '零碳智慧园区示范项目（示例）', 'Zero-carbon smart park demonstration (sample)', 'dual-carbon', '生态文明', '新能源', '新基建', 'planned', 2025, 8.0),
('p020','polygon',125.470, 44.300, 2.5, 1.6, 0,    'dev-zones:mishazi', '新能源汽车动力电池产业园（示例）', 'EV power-battery industrial park (sample)', 'dual-carbon', '转型升级', '新能源', null, 'under_construction', 2022, 120.0),
('p021','point',  125.440, 44.280, null, null, null, 'dev-zones:mishazi', '屋顶光伏与储能一体化示范（示例）', 'Rooftop solar and storage demonstration (sample)', 'dual-carbon', '生态文明', '新能源', '新基建', 'completed', 2023, 2.5),
('p022','point',  126.200, 44.300, null, null, null, 'districts:220113', '风电与储能示范项目（示例）', 'Wind power and energy-storage demonstration (sample)', 'dual-carbon', '生态文明', '新能源', '新基建', 'planned', 2025, 35.0),
('p023','point',  125.750, 43.450, null, null, null, 'districts:220112', '生物质热电联产项目（示例）', 'Biomass combined heat and power plant (sample)', 'dual-carbon', '生态文明', '新能源', '新基建', 'under_construction', 2024, 4.8),
('p024','polygon',125.720, 43.880, 2.5, 2.0, 20,   'dev-zones:lianhuashan', '生态修复与碳汇林建设（示例）', 'Ecological restoration and carbon-sink forest (sample)', 'dual-carbon', '生态文明', null, '新环境', 'under_construction', 2022, 1.5),
('p025','point',  125.420, 43.740, null, null, null, 'dev-zones:jingyue', '绿色低碳建筑示范社区（示例）', 'Green low-carbon building demonstration neighbourhood (sample)', 'dual-carbon', '生态文明', '新材料', '新生活', 'planned', 2026, 11.0),

-- 科技创新城 sci-tech: 长春新区, 经开区 (lead); 北湖, 经开, 高新 sub-areas and the 科创大走廊 (support)
('p026','point',  125.400, 43.990, null, null, null, 'dev-zones:beihu,dev-zones:changchun-new-area', '光电信息产业孵化器（示例）', 'Optoelectronics incubator (sample)', 'sci-tech', '科技创新', '新材料', '新基建', 'completed', 2022, 4.2),
('p027','polygon',125.430, 44.000, 1.5, 1.0, 0,    'dev-zones:beihu', '生物医药中试及产业化基地（示例）', 'Biomedicine pilot-production base (sample)', 'sci-tech', '科技创新', null, null, 'under_construction', 2023, 22.0),
('p028','point',  125.280, 43.810, null, null, null, 'dev-zones:gaoxin', '遥感数据应用服务平台（示例）', 'Remote-sensing data application platform (sample)', 'sci-tech', '科技创新', '新装备', '新基建', 'completed', 2021, 3.0),
('p029','polygon',125.250, 43.790, 2.0, 1.2, 45,   'dev-zones:gaoxin', '精密光学仪器产业园（示例）', 'Precision optical instruments park (sample)', 'sci-tech', '科技创新', '新装备', null, 'under_construction', 2024, 18.0),
('p030','point',  125.460, 43.880, null, null, null, 'dev-zones:jingkai', '工业互联网创新中心（示例）', 'Industrial-internet innovation centre (sample)', 'sci-tech', '科技创新', '新装备', '新基建', 'planned', 2025, 5.5),
('p031','point',  125.490, 43.860, null, null, null, 'dev-zones:jingkai', '先进材料中试平台（示例）', 'Advanced-materials pilot platform (sample)', 'sci-tech', '科技创新', '新材料', null, 'under_construction', 2023, 9.0),
-- straddles the 南关/二道 boundary on purpose, on the corridor
('p032','polygon',125.421092, 43.845126, 1.6, 1.0, 30, 'corridors:sci-tech-corridor,districts:220102,districts:220105', '科创走廊人才公寓社区（示例）', 'Corridor talent-housing neighbourhood (sample)', 'sci-tech', '民生改善', null, '新生活', 'under_construction', 2024, 14.0),
('p033','point',  125.440, 43.930, null, null, null, 'corridors:sci-tech-corridor', '双创孵化综合体（示例）', 'Start-up incubation complex (sample)', 'sci-tech', '科技创新', null, '新基建', 'planned', 2026, 6.0),

-- 新兴消费城 consumption: 兴隆综保区 (lead); 中韩示范区, 临空经济示范区 (国际消费区); 朝阳, 南关, 宽城, 二道, 绿园 (中心消费区)
('p034','polygon',125.565, 43.955, 1.2, 0.8, 0,    'dev-zones:xinglong-bonded', '跨境电商保税仓储中心（示例）', 'Cross-border e-commerce bonded warehouse (sample)', 'consumption', '改革开放', '新电商', '新消费', 'completed', 2022, 7.0),
('p035','point',  125.572, 43.958, null, null, null, 'dev-zones:xinglong-bonded', '进口商品展示交易中心（示例）', 'Imported-goods showroom and trading centre (sample)', 'consumption', '改革开放', '新电商', '新消费', 'under_construction', 2024, 3.5),
('p036','point',  125.600, 43.930, null, null, null, 'dev-zones:sino-korea-zone', '美妆与健康产品孵化园（示例）', 'Beauty and wellness products incubator (sample)', 'consumption', '改革开放', '新电商', '新消费', 'planned', 2025, 12.0),
('p037','polygon',125.750, 44.020, 2.5, 1.6, 0,    'dev-zones:airport-economy', '航空物流园（示例）', 'Air-cargo logistics park (sample)', 'consumption', '改革开放', '新电商', '新基建', 'under_construction', 2023, 30.0),
('p038','point',  125.300, 43.870, null, null, null, 'districts:220104', '历史街区商业更新（示例）', 'Historic-street retail renewal (sample)', 'consumption', '城市更新', '新旅游', '新消费', 'completed', 2022, 4.0),
('p039','point',  125.330, 43.860, null, null, null, 'districts:220102', '夜间经济示范街区（示例）', 'Night-time economy street (sample)', 'consumption', '城市更新', null, '新消费', 'completed', 2021, 1.5),
('p040','point',  125.310, 43.930, null, null, null, 'districts:220103', '老旧商圈提质改造（示例）', 'Ageing shopping district upgrade (sample)', 'consumption', '城市更新', null, '新消费', 'under_construction', 2023, 5.0),
('p041','point',  125.370, 43.900, null, null, null, 'districts:220105', '社区商业综合体（示例）', 'Neighbourhood retail complex (sample)', 'consumption', '民生改善', null, '新生活', 'planned', 2025, 3.0),
-- straddles the 绿园/宽城 boundary on purpose
('p042','polygon',125.196676, 43.953721, 1.5, 1.2, 0, 'districts:220106,districts:220103', '体育与会展消费综合体（示例）', 'Sports and exhibition consumption complex (sample)', 'consumption', '民生改善', null, '新消费', 'planned', 2026, 16.0),

-- 文化创意城 culture: 净月, 莲花山, 双阳 (lead); old industrial heritage (support)
('p043','polygon',125.500, 43.790, 2.0, 1.5, 0,    'dev-zones:jingyue,major-zones:film-city', '影视拍摄与后期制作基地（示例）', 'Film shooting and post-production base (sample)', 'culture', '转型升级', '新旅游', null, 'under_construction', 2022, 40.0),
('p044','point',  125.460, 43.770, null, null, null, 'dev-zones:jingyue', '数字文创产业园（示例）', 'Digital creative-industries park (sample)', 'culture', '科技创新', null, '新基建', 'completed', 2023, 8.0),
('p045','polygon',125.640, 43.840, 2.0, 1.5, 0,    'dev-zones:lianhuashan', '冰雪运动度假区提升（示例）', 'Ski and snow-sports resort upgrade (sample)', 'culture', '转型升级', '新旅游', '新消费', 'under_construction', 2023, 25.0),
('p046','point',  125.600, 43.820, null, null, null, 'major-zones:film-city', '影视文旅小镇（示例）', 'Film-themed tourism town (sample)', 'culture', '转型升级', '新旅游', '新消费', 'planned', 2026, 60.0),
('p047','point',  125.680, 43.500, null, null, null, 'districts:220112', '湖区乡村生态旅游度假区（示例）', 'Lakeside rural eco-tourism resort (sample)', 'culture', '乡村振兴', '新旅游', '新生活', 'under_construction', 2024, 10.0),
('p048','point',  125.250, 43.920, null, null, null, 'districts:220106', '老工业厂区文创园改造（示例）', 'Old factory site creative-park conversion (sample)', 'culture', '城市更新', '新旅游', '新环境', 'completed', 2022, 5.0);

update proj set geom = case shape
  when 'point' then ST_SetSRID(ST_MakePoint(round(lon::numeric, 6)::float8, round(lat::numeric, 6)::float8), 4326)
  else ST_GeometryN(sch_finish(sch_rect(lon, lat, w_km, h_km, rot), 0), 1) end;   -- single Polygon
