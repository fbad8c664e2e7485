package dev.sluice.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Review never throws on user content: every rule fixture, cut and scrambled thousands of ways. */
class NeverThrowsTest {

    @Test
    void mutatedFixturesAreReviewedWithoutAnException() throws IOException, URISyntaxException {
        Path rules = Path.of(NeverThrowsTest.class.getResource("/rules").toURI());
        List<String> texts;
        try (Stream<Path> files = Files.walk(rules)) {
            texts = files.filter(path -> path.toString().endsWith(".sql")).map(NeverThrowsTest::read).toList();
        }
        assertThat(texts).hasSizeGreaterThanOrEqualTo(100);
        Random random = new Random(7);
        List<Reviewer> reviewers = List.of(new Reviewer(ReviewOptions.defaults().withRules(RuleConfig.of(RuleSet.STRICT))),
                new Reviewer(ReviewOptions.defaults().withModel(TransactionModel.PSQL).withPgVersion(10)
                        .withRules(RuleConfig.of(RuleSet.STRICT))));
        for (int round = 0; round < 3_000; round++) {
            String text = mutate(texts.get(random.nextInt(texts.size())), random);
            Reviewer reviewer = reviewers.get(round % 2);
            assertThatCode(() -> reviewer.review(List.of(new MigrationFile("V1__fuzz.sql", text))))
                    .as("reviewing:%n%s", text)
                    .doesNotThrowAnyException();
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder mutated = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !mutated.isEmpty(); i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.setLength(at); // cut short
                case 1 -> mutated.deleteCharAt(at);
                case 2 -> mutated.insert(at, "();,'\"$$/*--\\".charAt(random.nextInt(13)));
                default -> {
                    int end = Math.min(mutated.length(), at + random.nextInt(20));
                    mutated.delete(at, end);
                }
            }
        }
        return mutated.toString();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
