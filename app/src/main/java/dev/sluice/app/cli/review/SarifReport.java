package dev.sluice.app.cli.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.app.cli.SluiceVersion;
import dev.sluice.review.Finding;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.rules.Rule;
import dev.sluice.review.rules.RuleCatalog;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** {@code --format sarif}: SARIF 2.1.0, one run, every rule described, one result per finding. */
final class SarifReport {

    private SarifReport() {
    }

    static String render(ReviewReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "sluice");
            json.writeStringField("version", SluiceVersion.current());
            json.writeArrayFieldStart("rules");
            for (Rule rule : RuleCatalog.all()) {
                json.writeStartObject();
                json.writeStringField("id", rule.id());
                json.writeObjectFieldStart("shortDescription");
                json.writeStringField("text", rule.summary());
                json.writeEndObject();
                json.writeObjectFieldStart("help");
                json.writeStringField("text", "See docs/rules/" + rule.id() + ".md in the Sluice repository.");
                json.writeEndObject();
                json.writeObjectFieldStart("defaultConfiguration");
                json.writeStringField("level", level(rule.defaultSeverity()));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (Finding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringField("ruleId", finding.rule());
                json.writeStringField("level", level(finding.severity()));
                json.writeObjectFieldStart("message");
                json.writeStringField("text", finding.hint().isEmpty() ? finding.message() : finding.message() + "\n" + finding.hint());
                json.writeEndObject();
                json.writeArrayFieldStart("locations");
                json.writeStartObject();
                json.writeObjectFieldStart("physicalLocation");
                json.writeObjectFieldStart("artifactLocation");
                json.writeStringField("uri", finding.file().replace('\\', '/'));
                json.writeEndObject();
                json.writeObjectFieldStart("region");
                json.writeNumberField("startLine", finding.line());
                json.writeNumberField("startColumn", finding.column());
                json.writeNumberField("endLine", finding.endLine());
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static String level(dev.sluice.review.Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
