package org.changchun.layout.maps.serving;

import java.awt.Dimension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.changchun.layout.feature.LayerDescription;
import org.changchun.layout.feature.LayerInfo;
import org.changchun.layout.maps.MapCrs;
import org.changchun.layout.maps.MapLegend;
import org.locationtech.jts.geom.Envelope;

/**
 * The WMS 1.3.0 capabilities document: every layer, under a root layer {@code plan} that draws the plan's
 * own layers together, in EPSG:3857, 4326, 4490 and CRS:84, with Chinese titles (English after a slash).
 * Bounding boxes of EPSG:4326 and 4490 are written latitude first, as 1.3.0 defines them.
 */
final class WmsCapabilities {

    static final String ROOT_LAYER = "plan";
    private static final Envelope CITY = new Envelope(124.3, 127.1, 43.0, 45.3);

    private WmsCapabilities() {
    }

    /**
     * @param endpoint the service's address, ending in {@code /wms?}
     * @param planLayers the layers the root layer draws; all: every layer, plan and imported
     * @param legend     draws (and measures) the legends each layer's style links to
     */
    static String document(String endpoint, List<LayerInfo> all, List<LayerInfo> planLayers, int maxSize,
                           MapLegend legend) {
        StringBuilder xml = new StringBuilder(16 * 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<WMS_Capabilities version=\"1.3.0\" xmlns=\"http://www.opengis.net/wms\" ")
                .append("xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xsi:schemaLocation=\"http://www.opengis.net/wms http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd\">\n");
        xml.append("<Service>\n<Name>WMS</Name>\n")
                .append(element("Title", "长春市空间布局服务 / Changchun spatial-layout service"))
                .append(element("Abstract", "长春市“六城联动”空间布局的规划图层，按统一的规划样式出图。示意范围与示例项目非官方数据；"
                        + "行政区界线源自高德，仅作开发占位，未取得审图号。 / The plan layers of Changchun's six-cities spatial "
                        + "layout, drawn in the one plan style. Schematic zones and sample projects are not official; the "
                        + "district boundaries are AMap-derived development placeholders; no map review number (审图号)."))
                .append("<KeywordList><Keyword>长春</Keyword><Keyword>空间布局</Keyword><Keyword>规划</Keyword>"
                        + "<Keyword>Changchun</Keyword></KeywordList>\n")
                .append("<OnlineResource xlink:type=\"simple\" xlink:href=\"").append(escape(endpoint)).append("\"/>\n")
                .append("<Fees>none</Fees>\n")
                .append(element("AccessConstraints", "行政区界线仅供开发测试（地图数据来源高德） / district boundaries for "
                        + "development only (AMap-derived)"))
                .append("<MaxWidth>").append(maxSize).append("</MaxWidth>\n<MaxHeight>").append(maxSize)
                .append("</MaxHeight>\n</Service>\n");
        xml.append("<Capability>\n<Request>\n");
        operation(xml, "GetCapabilities", endpoint, List.of("text/xml"));
        operation(xml, "GetMap", endpoint, List.of("image/png", "image/jpeg"));
        operation(xml, "GetFeatureInfo", endpoint, List.of("application/json", "text/html"));
        xml.append("</Request>\n<Exception><Format>XML</Format></Exception>\n");
        Envelope planExtent = new Envelope();
        planLayers.forEach(l -> planExtent.expandToInclude(l.extent()));
        xml.append("<Layer queryable=\"1\">\n<Name>").append(ROOT_LAYER).append("</Name>\n")
                .append(element("Title", "长春市空间布局规划图层 / Changchun plan layers"))
                .append(element("Abstract", "全部规划图层（行政区、农业产业带、四大板块、科创大走廊、开发区、项目库）按规划样式叠加 / "
                        + "every plan layer, drawn together in the plan style"));
        for (String crs : MapCrs.codes()) {
            xml.append("<CRS>").append(crs).append("</CRS>\n");
        }
        boxes(xml, planExtent);
        style(xml, endpoint, ROOT_LAYER, legend.size(planLayers));
        for (LayerInfo layer : all) {
            layer(xml, layer, endpoint, legend.size(List.of(layer)));
        }
        xml.append("</Layer>\n</Capability>\n</WMS_Capabilities>\n");
        return xml.toString();
    }

    private static void layer(StringBuilder xml, LayerInfo layer, String endpoint, Dimension legendSize) {
        LayerDescription d = layer.description();
        xml.append("<Layer queryable=\"1\" opaque=\"0\">\n<Name>").append(escape(layer.id())).append("</Name>\n")
                .append(element("Title", d.titleZh() + " / " + d.titleEn()));
        StringBuilder abstractText = new StringBuilder(d.descriptions());
        if (d.accuracy() != null) {
            abstractText.append(" [accuracy: ").append(d.accuracy()).append(']');
        }
        if (d.licenceZh() != null || d.licence() != null) {
            abstractText.append(" [").append(d.licenceZh() != null ? d.licenceZh() : d.licence()).append(']');
        }
        if (!abstractText.isEmpty()) {
            xml.append(element("Abstract", abstractText.toString()));
        }
        boxes(xml, layer.extent());
        style(xml, endpoint, layer.id(), legendSize);
        xml.append("</Layer>\n");
    }

    private static void boxes(StringBuilder xml, Envelope extent) {
        Envelope e = extent == null || extent.isNull() ? CITY : extent;
        xml.append(String.format(Locale.ROOT, "<EX_GeographicBoundingBox><westBoundLongitude>%.6f</westBoundLongitude>"
                        + "<eastBoundLongitude>%.6f</eastBoundLongitude><southBoundLatitude>%.6f</southBoundLatitude>"
                        + "<northBoundLatitude>%.6f</northBoundLatitude></EX_GeographicBoundingBox>\n",
                e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY()));
        for (MapCrs crs : MapCrs.values()) {
            Envelope plane = crs.fromLonLat(e);
            boolean latFirst = crs.axes().isLatitudeFirst();
            xml.append(String.format(Locale.ROOT, "<BoundingBox CRS=\"%s\" minx=\"%s\" miny=\"%s\" maxx=\"%s\" maxy=\"%s\"/>\n",
                    crs.code(),
                    number(latFirst ? plane.getMinY() : plane.getMinX()), number(latFirst ? plane.getMinX() : plane.getMinY()),
                    number(latFirst ? plane.getMaxY() : plane.getMaxX()), number(latFirst ? plane.getMaxX() : plane.getMaxY())));
        }
    }

    /** The plan style, with the address of the layer's legend as GetLegendGraphic draws it. */
    private static void style(StringBuilder xml, String endpoint, String layerId, Dimension legendSize) {
        String legendUrl = endpoint + "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&STYLE=plan&LAYER="
                + URLEncoder.encode(layerId, StandardCharsets.UTF_8);
        xml.append("<Style><Name>plan</Name><Title>规划样式 / plan style</Title>\n")
                .append("<LegendURL width=\"").append(legendSize.width).append("\" height=\"").append(legendSize.height)
                .append("\"><Format>image/png</Format><OnlineResource xlink:type=\"simple\" xlink:href=\"")
                .append(escape(legendUrl)).append("\"/></LegendURL>\n</Style>\n");
    }

    private static void operation(StringBuilder xml, String name, String endpoint, List<String> formats) {
        xml.append('<').append(name).append(">\n");
        formats.forEach(f -> xml.append("<Format>").append(f).append("</Format>\n"));
        xml.append("<DCPType><HTTP><Get><OnlineResource xlink:type=\"simple\" xlink:href=\"").append(escape(endpoint))
                .append("\"/></Get></HTTP></DCPType>\n</").append(name).append(">\n");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static String element(String name, String text) {
        return '<' + name + '>' + escape(text) + "</" + name + ">\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
