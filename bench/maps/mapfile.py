"""Writes the MapServer mapfile of bench/maps/run.sh: the plan layers as WMS layers over the tables
ogr2ogr loaded from gis-data/, drawn as gis-data/style.json draws them (fills, outlines, dashes,
opacity, projects coloured by city from cities.json, labels in the service's font from the zoom its
style gives), so both servers draw the same picture of the same data.

    python3 mapfile.py --gis-data DIR --font TTF --port PG_PORT --db DB --out MAP
"""
import argparse
import json
import math

# the scale denominator of WebMercatorQuad zoom z, at 0.28 mm pixels (what MapServer computes)
def scale(zoom):
    return 559082264.0287178 / 2 ** zoom


def colour(hex_colour):
    return '"' + hex_colour + '"'


def main():
    parser = argparse.ArgumentParser()
    for name in ('--gis-data', '--font', '--port', '--db', '--out'):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    style = json.load(open(f'{args.gis_data}/style.json', encoding='utf-8'))
    cities = json.load(open(f'{args.gis_data}/cities.json', encoding='utf-8'))['cities']
    by_layer = {}
    for layer in style['layers']:
        if 'source-layer' in layer:
            by_layer.setdefault(layer['source-layer'], {})[layer['type']] = layer
    connection = f'host=127.0.0.1 port={args.port} dbname={args.db} user=postgres'
    out = ['MAP', '  NAME "plan"', '  EXTENT -20037508.34 -20037508.34 20037508.34 20037508.34', '  SIZE 256 256',
           '  UNITS METERS', '  IMAGECOLOR 255 255 255', '  PROJECTION "init=epsg:3857" END',
           f'  FONTSET "{args.out}.fonts"',
           '  OUTPUTFORMAT NAME "png" DRIVER AGG/PNG MIMETYPE "image/png" IMAGEMODE RGBA EXTENSION "png" END',
           '  OUTPUTFORMAT NAME "jpeg" DRIVER AGG/JPEG MIMETYPE "image/jpeg" IMAGEMODE RGB EXTENSION "jpg" END',
           '  WEB METADATA "wms_title" "plan" "wms_enable_request" "*" "wms_srs" "EPSG:3857 EPSG:4326" END END']

    def paint(kinds, key, default=None):
        for kind in kinds.values():
            if key in kind.get('paint', {}):
                return kind['paint'][key]
        return default

    def label(kinds):
        """The layer's label settings and the LABEL block of its class; none without a symbol layer."""
        symbol = kinds.get('symbol')
        if not symbol:
            return [], []
        field = symbol['layout']['text-field'][1]
        paint = symbol['paint']
        return ([f'    LABELITEM "{field}"', f'    LABELMAXSCALEDENOM {scale(symbol.get("minzoom", 0)):.0f}'],
                ['      LABEL FONT "wqy"',
                 f'        SIZE {symbol["layout"].get("text-size", 12)} COLOR {colour(paint["text-color"])}',
                 f'        OUTLINECOLOR {colour(paint["text-halo-color"])} OUTLINEWIDTH {paint["text-halo-width"]:.0f}',
                 '        POSITION CC PARTIALS FALSE',
                 '      END'])

    for layer_id, kinds in by_layer.items():
        table = 'ms_' + layer_id.replace('-', '_')
        if layer_id == 'projects':
            parts = [('POLYGON', table + '_polygons'), ('POINT', table + '_points')]
        else:
            parts = [('POLYGON' if 'fill' in kinds else 'LINE', table)]
        for geometry_type, part_table in parts:
            out += ['  LAYER', f'    NAME "{part_table}"', f'    GROUP "{layer_id}"', f'    TYPE {geometry_type}',
                    '    STATUS ON', '    CONNECTIONTYPE POSTGIS', f'    CONNECTION "{connection}"',
                    '    PROCESSING "CLOSE_CONNECTION=DEFER"',
                    f'    DATA "geom FROM {part_table} USING UNIQUE ogc_fid USING SRID=4326"',
                    '    PROJECTION "init=epsg:4326" END',
                    f'    METADATA "wms_title" "{layer_id}" END']
            if layer_id == 'projects':
                opacity = paint(kinds, 'circle-opacity' if geometry_type == 'POINT' else 'fill-opacity', 1)
                for city in cities + [None]:
                    expression = f'    EXPRESSION ("[city]" = "{city["id"]}")' if city else ''
                    fill = city['colour'] if city else '#566573'
                    out += ['    CLASS'] + ([expression] if expression else [])
                    if geometry_type == 'POINT':
                        radius = paint(kinds, 'circle-radius', 6)
                        out += ['      STYLE SYMBOL "circle" SIZE %d COLOR %s OUTLINECOLOR "#ffffff" WIDTH 1.5 OPACITY %d END'
                                % (2 * radius, colour(fill), round(opacity * 100))]
                    else:
                        out += [f'      STYLE COLOR {colour(fill)} OPACITY {round(opacity * 100)} END',
                                '      STYLE OUTLINECOLOR "#ffffff" WIDTH 1.5 END']
                    out += ['    END']
            else:
                fill = kinds.get('fill', {}).get('paint', {})
                line = kinds.get('line', {}).get('paint', {})
                layer_label, class_label = label(kinds)
                out += layer_label
                out += ['    CLASS'] + class_label
                if fill:
                    out += [f'      STYLE COLOR {colour(fill["fill-color"])} OPACITY {round(fill.get("fill-opacity", 1) * 100)} END']
                if line:
                    width = line.get('line-width', 1)
                    dash = ''
                    if 'line-dasharray' in line:
                        dash = ' LINECAP BUTT PATTERN ' + ' '.join(f'{d * width:.1f}' for d in line['line-dasharray']) + ' END'
                    out += [f'      STYLE OUTLINECOLOR {colour(line["line-color"])} WIDTH {width} '
                            f'OPACITY {round(line.get("line-opacity", 1) * 100)}{dash} END']
                out += ['    END']
            out += ['  END']
    out += ['  SYMBOL NAME "circle" TYPE ELLIPSE FILLED TRUE POINTS 1 1 END END', 'END']
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    with open(args.out + '.fonts', 'w', encoding='utf-8') as f:
        f.write(f'wqy {args.font}\n')


if __name__ == '__main__':
    main()
