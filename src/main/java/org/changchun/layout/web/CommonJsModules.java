package org.changchun.layout.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.webjars.WebJarVersionLocator;

/**
 * The map page's one CommonJS library, @mapbox/vector-tile (with @mapbox/point-geometry), served
 * from its webjar as ES modules at {@code /js/modules/{webjar}/{file}}: each file's
 * {@code require('…')} calls become {@code import}s of the files they name, and its
 * {@code module.exports} the module's default export. The page imports them like its own modules.
 * There is no build step to bundle them, and evaluating their source in the browser
 * ({@code new Function}) is what the page's Content-Security-Policy forbids.
 *
 * <p>Only the files of the webjars listed here are served; anything else is a 404. Part of the page,
 * not of the API, so the OpenAPI document leaves it out.
 */
@RestController
@Hidden
class CommonJsModules {

    /** The packages a module may require by name, and the file each stands for. */
    private static final Map<String, String> PACKAGES = Map.of(
            "@mapbox/vector-tile", "mapbox__vector-tile/index.js",
            "@mapbox/point-geometry", "mapbox__point-geometry/index.js");
    private static final Pattern REQUIRE = Pattern.compile("\\brequire\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");
    private static final Pattern SAFE_FILE = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*\\.js");
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final String PREFIX = "/js/modules/";

    private final WebJarVersionLocator webJars = new WebJarVersionLocator();
    private final Map<String, Optional<String>> modules = new ConcurrentHashMap<>();

    @GetMapping("/js/modules/{webJar}/**")
    ResponseEntity<String> module(@PathVariable String webJar, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        return modules.computeIfAbsent(path, this::convert)
                .map(source -> ResponseEntity.ok().contentType(JAVASCRIPT)
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(source))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** @param path {@code webjar/file.js}, as the page asks for it */
    private Optional<String> convert(String path) {
        int slash = path.indexOf('/');
        String webJar = slash < 0 ? "" : path.substring(0, slash);
        String file = path.substring(slash + 1);
        boolean listed = PACKAGES.values().stream().anyMatch(entry -> entry.startsWith(webJar + "/"));
        if (!listed || !SAFE_FILE.matcher(file).matches()) {
            return Optional.empty();
        }
        String resource = webJars.fullPath(webJar, file);
        return Optional.ofNullable(resource).map(this::read).map(source -> asModule(path, source));
    }

    private static String asModule(String path, String source) {
        Map<String, String> imports = new LinkedHashMap<>();
        Matcher requires = REQUIRE.matcher(source);
        while (requires.find()) {
            imports.putIfAbsent(requires.group(1), relative(path, target(path, requires.group(1))));
        }
        StringBuilder module = new StringBuilder("// ").append(path)
                .append(": CommonJS served as an ES module (see web/CommonJsModules)\n");
        StringBuilder table = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, String> dependency : imports.entrySet()) {
            module.append("import required").append(i).append(" from '").append(dependency.getValue()).append("';\n");
            table.append("'").append(dependency.getKey()).append("': required").append(i++).append(", ");
        }
        return module.append("const dependencies = { ").append(table).append("};\n")
                .append("const require = (name) => dependencies[name];\n")
                .append("const module = { exports: {} };\n")
                .append("const exports = module.exports;\n")
                .append(source).append("\nexport default module.exports;\n").toString();
    }

    /** The path ({@code webjar/file.js}) a require names: a package by its entry file, a relative path as Node resolves it. */
    private static String target(String from, String name) {
        if (!name.startsWith("./") && !name.startsWith("../")) {
            String entry = PACKAGES.get(name);
            if (entry == null) {
                throw new IllegalStateException("a module requires the unlisted package " + name + ": add it to PACKAGES");
            }
            return entry;
        }
        String resolved = Path.of(from).resolveSibling(name).normalize().toString().replace('\\', '/');
        return resolved.endsWith(".js") ? resolved : resolved + ".js";
    }

    private static String relative(String from, String to) {
        String relative = Path.of(from).getParent().relativize(Path.of(to)).toString()
                .replace('\\', '/');
        return relative.startsWith(".") ? relative : "./" + relative;
    }

    private String read(String resource) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
