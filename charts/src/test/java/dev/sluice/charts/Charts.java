package dev.sluice.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Helm, run in this JVM through helm-java (the helm Go library as a native library from Maven
 * Central), on the chart the build names in the system property {@code sluice.chart}.
 */
final class Charts {

    static final String RELEASE = "sluice";
    static final String NAMESPACE = "sluice";

    private Charts() {
    }

    static Path chart() {
        return Path.of(System.getProperty("sluice.chart", "sluice")).toAbsolutePath();
    }

    static Path valueSet(String name) {
        Path file = chart().resolve("ci").resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no value set " + file);
        }
        return file;
    }

    static LintResult lint(boolean strict) {
        var lint = new Helm(chart()).lint();
        return strict ? lint.strict().call() : lint.call();
    }

    /** {@code helm template sluice charts/sluice -f ci/<name>.yaml}, also written under target/rendered for reading. */
    static RenderedChart render(String valueSet) {
        String text = template(valueSet(valueSet));
        Path out = Path.of(System.getProperty("sluice.chart.rendered", "target/rendered")).resolve(valueSet + ".yaml");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RenderedChart.parse(valueSet, text);
    }

    /** Renders with a values file; helm's failure (schema, {@code required}, {@code fail}) is thrown as is. */
    static String template(Path values) {
        return new Helm(chart()).template().withName(RELEASE).withNamespace(NAMESPACE).withValuesFile(values).call();
    }
}
