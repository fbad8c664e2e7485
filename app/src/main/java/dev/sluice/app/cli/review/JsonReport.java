package dev.sluice.app.cli.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.review.FileReview;
import dev.sluice.review.Finding;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * {@code --format json}: {@code {"findings": [{rule, severity, file, line, column, endLine, message, hint}],
 * "files": [{file, transactional, transactionReason, statements}], "summary": {errors, warnings, infos}}}.
 * Fields may be added; none will be renamed or removed.
 */
final class JsonReport {

    private JsonReport() {
    }

    static String render(ReviewReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringField("rule", finding.rule());
                json.writeStringField("severity", finding.severity().label());
                json.writeStringField("file", finding.file());
                json.writeNumberField("line", finding.line());
                json.writeNumberField("column", finding.column());
                json.writeNumberField("endLine", finding.endLine());
                json.writeStringField("message", finding.message());
                json.writeStringField("hint", finding.hint());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("files");
            for (FileReview file : report.files()) {
                json.writeStartObject();
                json.writeStringField("file", file.file());
                json.writeBooleanField("transactional", file.transactional());
                json.writeStringField("transactionReason", file.transactionReason());
                json.writeNumberField("statements", file.statements());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("errors", report.count(Severity.ERROR));
            json.writeNumberField("warnings", report.count(Severity.WARNING));
            json.writeNumberField("infos", report.count(Severity.INFO));
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }
}
