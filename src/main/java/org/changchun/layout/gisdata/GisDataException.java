package org.changchun.layout.gisdata;

/** A file in {@code gis-data/} that cannot be loaded: names the file and what is wrong with it. */
public class GisDataException extends RuntimeException {

    private final String file;
    private final String problem;

    public GisDataException(String file, String problem) {
        this(file, problem, null);
    }

    public GisDataException(String file, String problem, Throwable cause) {
        super("gis-data/" + file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
