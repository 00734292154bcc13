"""What scripts/qgis-check.sh runs: QGIS reads the service's features and draws its vector tiles."""
import os
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob,
                       QgsMapSettings, QgsRectangle, QgsVectorLayer, QgsVectorTileLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

base = sys.argv[1].rstrip("/")
app = QgsApplication([], False)
app.initQgis()
failures = []

features = QgsVectorLayer(f"url='{base}/ogc' typename='districts'", "districts", "OAPIF")
names = sorted(f["name_zh"] for f in features.getFeatures()) if features.isValid() else []
print(f"OGC API - Features: valid {features.isValid()}, {len(names)} districts: {' '.join(names)}")
if len(names) != 11 or "南关区" not in names:
    failures.append("expected the 11 districts, 南关区 among them, through the OAPIF provider")

template = f"{base}/ogc/collections/districts/tiles/WebMercatorQuad/{{z}}/{{y}}/{{x}}"
tiles = QgsVectorTileLayer(f"type=xyz&url={template}&zmin=0&zmax=22", "districts (vector tiles)")
print(f"vector tiles: valid {tiles.isValid()}, zoom {tiles.sourceMinZoom()}-{tiles.sourceMaxZoom()}")
if not tiles.isValid():
    failures.append("the vector tile layer did not open")

# Changchun and its surroundings in Web Mercator: the districts cover part of the view, not all of it
settings = QgsMapSettings()
settings.setLayers([tiles])
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
settings.setExtent(QgsRectangle(13700000, 5250000, 14300000, 5750000))
settings.setOutputSize(QSize(400, 400))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
samples = [(x, y) for x in range(0, 400, 5) for y in range(0, 400, 5)]
drawn = sum(1 for x, y in samples if image.pixelColor(x, y) != QColor(255, 255, 255))
print(f"drawn: {drawn} of {len(samples)} sampled pixels; renderer errors: {[e.message for e in job.errors()]}")
if not 0.05 * len(samples) < drawn < 0.95 * len(samples) or job.errors():
    failures.append("the districts should cover part of the view, drawn without errors")

print("QGIS check:", "PASS" if not failures else "FAIL: " + "; ".join(failures), flush=True)
# QGIS 3.22's teardown (exitQgis, then the interpreter's) crashes in a headless script; nothing is left to save
os._exit(1 if failures else 0)
