package org.changchun.layout.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs GDAL's command-line tools (Debian gdal-bin), as a user of the service would. */
public final class Gdal {

    private Gdal() {
    }

    /** Runs a GDAL command and returns what it printed; fails if it exits with an error. */
    public static String run(String... command) {
        List<String> full = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", full) + " did not finish in 5 minutes:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", full) + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("GDAL is needed for this test and '" + command[0] + "' could not be run ("
                    + e.getMessage() + "); scripts/test.sh installs gdal-bin", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
