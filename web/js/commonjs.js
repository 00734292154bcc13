/**
 * A tiny CommonJS loader for the one library the page needs that ships only as CommonJS:
 * @mapbox/vector-tile (the MVT decoder) and its dependency @mapbox/point-geometry, both served
 * from their webjars. There is no bundler and no build step, so this does what a bundler would:
 *
 *  1. fetch a module's source, find its require('…') calls and fetch those too, in parallel,
 *     until the whole dependency tree is in memory (require is synchronous, so it must be);
 *  2. run each module once as new Function('module', 'exports', 'require', source), with a
 *     require that resolves './relative' paths against the requiring file (adding '.js' as Node
 *     does) and bare package names through PACKAGES.
 *
 * The regex finds only literal require('name') calls, which is all these two packages use.
 */

const PACKAGES = {
  '@mapbox/vector-tile': 'webjars/mapbox__vector-tile/index.js',
  '@mapbox/point-geometry': 'webjars/mapbox__point-geometry/index.js',
};

const REQUIRE = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolve(name, from) {
  if (name.startsWith('./') || name.startsWith('../')) {
    const url = new URL(name, from).href;
    return url.endsWith('.js') ? url : `${url}.js`;
  }
  if (!(name in PACKAGES)) {
    throw new Error(`commonjs: no package "${name}" (known: ${Object.keys(PACKAGES).join(', ')})`);
  }
  return new URL(PACKAGES[name], document.baseURI).href;
}

async function fetchTree(url, sources) {
  if (sources.has(url)) {
    return;
  }
  const text = fetch(url).then((response) => {
    if (!response.ok) {
      throw new Error(`commonjs: ${url} answered ${response.status}`);
    }
    return response.text();
  });
  sources.set(url, text);
  const dependencies = [...(await text).matchAll(REQUIRE)].map((match) => resolve(match[1], url));
  await Promise.all(dependencies.map((dependency) => fetchTree(dependency, sources)));
}

function run(url, sources, modules) {
  if (modules.has(url)) {
    return modules.get(url).exports;
  }
  const module = { exports: {} };
  // registered before it runs, so a require cycle gets the partial exports, as in Node
  modules.set(url, module);
  const require = (name) => run(resolve(name, url), sources, modules);
  const factory = new Function('module', 'exports', 'require', `${sources.get(url)}\n//# sourceURL=${url}`);
  factory(module, module.exports, require);
  return module.exports;
}

const loaded = new Map();

/** The exports of a package listed in PACKAGES, loaded once. */
export function requirePackage(name) {
  if (!loaded.has(name)) {
    loaded.set(name, (async () => {
      const entry = resolve(name, document.baseURI);
      const pending = new Map();
      await fetchTree(entry, pending);
      const sources = new Map();
      for (const [url, text] of pending) {
        sources.set(url, await text);
      }
      return run(entry, sources, new Map());
    })());
  }
  return loaded.get(name);
}
