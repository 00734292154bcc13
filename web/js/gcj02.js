/**
 * WGS84 ↔ GCJ-02, the obfuscated datum of Amap (高德), Tencent and other Chinese web basemaps.
 *
 * The forward formula is the public one (Krasovsky ellipsoid constants, the polynomial-plus-sine
 * offset): it reproduces GCJ-02 to well under a metre. There is no closed-form inverse, so
 * toWgs84 iterates the forward formula; the offset varies so slowly that three or four steps
 * reach a millimetre. Outside China's rough bounding box there is no offset, as in the basemaps.
 */

const A = 6378245.0;
const EE = 0.00669342162296594323;

function outOfChina(lon, lat) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
  r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
  return r;
}

function offsetLon(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
  r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
  return r;
}

/** [lon, lat] in WGS84 → [lon, lat] in GCJ-02. */
export function toGcj02([lon, lat]) {
  if (outOfChina(lon, lat)) {
    return [lon, lat];
  }
  const radLat = lat / 180 * Math.PI;
  const sin = Math.sin(radLat);
  const magic = 1 - EE * sin * sin;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = offsetLat(lon - 105, lat - 35) * 180 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
  const dLon = offsetLon(lon - 105, lat - 35) * 180 / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** [lon, lat] in GCJ-02 → [lon, lat] in WGS84, by iterating toGcj02 to a millimetre. */
export function toWgs84([lon, lat]) {
  let wgs = [lon, lat];
  for (let i = 0; i < 10; i++) {
    const [gLon, gLat] = toGcj02(wgs);
    const dLon = gLon - lon;
    const dLat = gLat - lat;
    wgs = [wgs[0] - dLon, wgs[1] - dLat];
    if (Math.abs(dLon) < 1e-8 && Math.abs(dLat) < 1e-8) {
      break;
    }
  }
  return wgs;
}
