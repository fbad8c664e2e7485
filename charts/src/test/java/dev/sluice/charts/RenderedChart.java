package dev.sluice.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The manifests {@code helm template} printed for one value set, parsed document by document. */
record RenderedChart(String valueSet, String text, List<Map<String, Object>> documents) {

    RenderedChart {
        Objects.requireNonNull(valueSet, "valueSet");
        Objects.requireNonNull(text, "text");
        documents = List.copyOf(documents);
    }

    @SuppressWarnings("unchecked")
    static RenderedChart parse(String valueSet, String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return new RenderedChart(valueSet, text, documents);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
    }

    Optional<Map<String, Object>> single(String kind) {
        List<Map<String, Object>> found = ofKind(kind);
        if (found.size() > 1) {
            throw new AssertionError(valueSet + " renders " + found.size() + " objects of kind " + kind);
        }
        return found.stream().findFirst();
    }

    Map<String, Object> the(String kind) {
        return single(kind).orElseThrow(() -> new AssertionError(valueSet + " renders no " + kind));
    }

    /** Every document but the Secrets, as YAML text. */
    String withoutSecrets() {
        Yaml yaml = new Yaml();
        return documents.stream().filter(document -> !"Secret".equals(document.get("kind"))).map(yaml::dump)
                .reduce("", (left, right) -> left + "---\n" + right);
    }

    /** A value at a path of map keys and list indexes: {@code at(deployment, "spec", "template", "spec")}. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object root, Object... path) {
        Object current = root;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                current = null;
            }
            if (current == null) {
                throw new AssertionError("nothing at " + List.of(path) + " (stopped at " + step + ")");
            }
        }
        return (T) current;
    }

    /** The map at a path, see {@link #at}. */
    static Map<String, Object> map(Object root, Object... path) {
        return at(root, path);
    }
}
