package dev.sluice.review.rules;

import dev.sluice.review.Finding;
import dev.sluice.review.MigrationFile;
import dev.sluice.review.ReviewOptions;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Reviewer;
import dev.sluice.review.RuleConfig;
import dev.sluice.review.RuleSet;
import dev.sluice.review.TransactionModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule fixture: {@code src/test/resources/rules/<rule-id>/violating.sql} or {@code clean.sql}.
 *
 * <p>Lines where the rule must report end with the comment {@code -- expect}. The first lines may
 * set options: {@code -- fixture: pg-version=11 tx-model=psql rule-set=default}. Fixtures are
 * reviewed with the strict rule set unless they say otherwise.
 */
record Fixture(String ruleId, String name, String text) {

    private static final Pattern OPTION = Pattern.compile("([a-z-]+)=([A-Za-z0-9]+)");

    static Fixture load(String ruleId, String name) {
        String resource = "/rules/" + ruleId + "/" + name;
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return new Fixture(ruleId, name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    ReviewOptions options() {
        ReviewOptions options = ReviewOptions.defaults().withRules(RuleConfig.of(RuleSet.STRICT));
        for (String line : text.lines().toList()) {
            if (!line.startsWith("-- fixture:")) {
                continue;
            }
            Matcher matcher = OPTION.matcher(line);
            while (matcher.find()) {
                String value = matcher.group(2);
                options = switch (matcher.group(1)) {
                    case "pg-version" -> options.withPgVersion(Integer.parseInt(value));
                    case "tx-model" -> options.withModel(TransactionModel.parse(value));
                    case "rule-set" -> options.withRules(RuleConfig.of(RuleSet.parse(value)));
                    default -> throw new IllegalArgumentException("unknown fixture option " + matcher.group(1) + " in " + this);
                };
            }
        }
        return options;
    }

    ReviewReport review() {
        return new Reviewer(options()).review(List.of(new MigrationFile(ruleId + "/" + name, text)));
    }

    /** 1-based lines marked {@code -- expect}. */
    Set<Integer> expectedLines() {
        Set<Integer> lines = new TreeSet<>();
        List<String> all = text.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).stripTrailing().endsWith("-- expect")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    Set<Integer> reportedLines(ReviewReport report) {
        Set<Integer> lines = new TreeSet<>();
        for (Finding finding : report.findings()) {
            if (finding.rule().equals(ruleId)) {
                lines.add(finding.line());
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "rules/" + ruleId + "/" + name;
    }
}
