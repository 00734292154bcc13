/**
 * Loads the big libraries only some panels need (chart.js, leaflet-draw) when first used, so
 * the first paint does not wait for them. Each is loaded once; later calls share the promise.
 */

const loading = new Map();

function once(key, start) {
  if (!loading.has(key)) {
    loading.set(key, start().catch((error) => {
      loading.delete(key);
      throw error;
    }));
  }
  return loading.get(key);
}

export function loadScript(src) {
  return once(src, () => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
    document.head.append(script);
  }));
}

export function loadStyle(href) {
  return once(href, () => new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', resolve);
    link.addEventListener('error', () => reject(new Error(`could not load ${href}`)));
    document.head.append(link);
  }));
}
