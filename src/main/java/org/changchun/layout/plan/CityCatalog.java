package org.changchun.layout.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The six cities as loaded from {@code gis-data/}. They are small, read on every request and
 * change only with the data files, so they are held in memory rather than queried.
 */
@Component
public class CityCatalog {

    private volatile List<City> cities = List.of();

    /** Replaces every city at once; readers see the old list or the new one, never a mix. */
    public void replaceAll(List<City> loaded) {
        cities = List.copyOf(loaded);
    }

    public List<City> all() {
        return cities;
    }

    public Optional<City> find(String id) {
        return cities.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** @throws org.changchun.layout.problem.NotFoundException (404) if there is no such city */
    public City get(String id) {
        return find(id).orElseThrow(() -> new CityNotFoundException(id));
    }
}
