-- Helper functions for the schematic geometry (PostGIS 3.1+).
-- All shapes are built in metres in a local azimuthal-equidistant projection
-- centred on the shape, then transformed back to WGS84 (EPSG:4326).

-- Local metric CRS for whole-city operations (buffers/insets): transverse Mercator on 125.5E.
create or replace function sch_local() returns text language sql immutable as
$$ select '+proj=tmerc +lat_0=0 +lon_0=125.5 +k=1 +x_0=500000 +y_0=0 +datum=WGS84 +units=m +no_defs' $$;

-- Buffer (positive) or inset (negative) a WGS84 geometry by m metres.
create or replace function sch_buffer(g geometry, m float8) returns geometry language sql immutable as
$$ select ST_Transform(ST_Buffer(ST_Transform(g, sch_local()), m, 16), sch_local(), 4326) $$;

-- Ellipse centred on (lon, lat): semi-axis a_km along x (east) and b_km along y (north)
-- before rotation, rotated rot_deg counter-clockwise.
create or replace function sch_ellipse(lon float8, lat float8, a_km float8, b_km float8, rot_deg float8 default 0)
returns geometry language sql immutable as $$
  select ST_Transform(
           ST_Rotate(ST_Scale(ST_Buffer(ST_MakePoint(0, 0), 1000, 32), a_km, b_km), radians(rot_deg)),
           format('+proj=aeqd +lat_0=%s +lon_0=%s +datum=WGS84 +units=m +no_defs', lat, lon), 4326)
$$;

-- Rectangle w_km x h_km centred on (lon, lat), rotated rot_deg counter-clockwise.
create or replace function sch_rect(lon float8, lat float8, w_km float8, h_km float8, rot_deg float8 default 0)
returns geometry language sql immutable as $$
  select ST_Transform(
           ST_Rotate(ST_MakeEnvelope(-w_km*500, -h_km*500, w_km*500, h_km*500), radians(rot_deg)),
           format('+proj=aeqd +lat_0=%s +lon_0=%s +datum=WGS84 +units=m +no_defs', lat, lon), 4326)
$$;

-- Geodesic area in km2.
create or replace function sch_km2(g geometry) returns float8 language sql immutable as
$$ select ST_Area(g::geography) / 1e6 $$;

-- Clean a polygonal result: valid, polygons only, no slivers (< min_km2 per part),
-- snapped to the 1e-6 degree grid (6 decimals) and RFC 7946 ring orientation.
create or replace function sch_finish(g geometry, min_km2 float8 default 0.05) returns geometry language sql immutable as $$
  select ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_ReducePrecision(
           (select ST_Collect(d.geom) from ST_Dump(ST_CollectionExtract(ST_MakeValid(g), 3)) d
             where sch_km2(d.geom) >= min_km2), 0.000001)), 3)))
$$;

-- Keep only the polygon parts of g that are at least 5 % of its largest part
-- (drops slivers left over between neighbouring zones after clipping).
create or replace function sch_main_parts(g geometry) returns geometry language sql immutable as $$
  with p as (select d.geom, sch_km2(d.geom) a from ST_Dump(ST_CollectionExtract(ST_MakeValid(g), 3)) d)
  select ST_Multi(ST_Collect(geom)) from p where a >= 0.05 * (select max(a) from p)
$$;

-- Ellipse scaled (bisection on a common factor for both axes) so that
-- area(ellipse ∩ clip − minus) ≈ target_km2. clip / minus may be null.
create or replace function sch_fit(lon float8, lat float8, a_km float8, b_km float8, rot_deg float8,
                                   target_km2 float8, clip geometry, minus geometry default null)
returns geometry language plpgsql immutable as $$
declare
  lo float8 := 0.05; hi float8 := 5; s float8; g geometry; ar float8;
begin
  for i in 1..60 loop
    s := (lo + hi) / 2;
    g := sch_ellipse(lon, lat, a_km * s, b_km * s, rot_deg);
    if clip is not null then g := ST_Intersection(g, clip); end if;
    if minus is not null then g := ST_Difference(g, minus); end if;
    g := sch_main_parts(g);
    ar := sch_km2(g);
    exit when abs(ar - target_km2) < 0.02;
    if ar < target_km2 then lo := s; else hi := s; end if;
  end loop;
  return g;
end $$;
