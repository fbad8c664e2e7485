package dev.sluice.bench;

import dev.sluice.review.MigrationFile;
import dev.sluice.review.ReviewOptions;
import dev.sluice.review.ReviewReport;
import dev.sluice.review.Reviewer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * In-process review throughput: reviews a generated corpus (default 100,000 statements) several
 * times after a warm-up and prints the median statements per second.
 *
 * <pre>
 * java -jar bench/target/sluice-bench.jar [--statements N] [--runs N]
 * java -jar bench/target/sluice-bench.jar --write-corpus DIR [--statements N]
 * </pre>
 */
public final class ReviewBenchmark {

    private static final long SEED = 20261121L;

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int statements = intOption(args, "--statements", 100_000);
        int runs = intOption(args, "--runs", 7);
        String corpusFolder = option(args, "--write-corpus");
        List<MigrationFile> corpus = MigrationCorpus.generate(statements, SEED);
        if (corpusFolder != null) {
            MigrationCorpus.write(corpus, Path.of(corpusFolder));
            System.out.println("wrote " + corpus.size() + " files, " + statements + " statements, to " + corpusFolder);
            return;
        }
        Reviewer reviewer = new Reviewer(ReviewOptions.defaults());
        for (int i = 0; i < 3; i++) {
            reviewer.review(corpus); // warm-up: JIT and class loading
        }
        double[] rates = new double[runs];
        int findings = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ReviewReport report = reviewer.review(corpus);
            long elapsed = System.nanoTime() - start;
            findings = report.findings().size();
            rates[i] = statements / (elapsed / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "in-process review: %d statements in %d files, %d findings%n", statements, corpus.size(), findings);
        System.out.printf(Locale.ROOT, "median %.0f statements/s (min %.0f, max %.0f) over %d runs, Java %s, %d cores%n",
                rates[runs / 2], rates[0], rates[runs - 1], runs, Runtime.version(), Runtime.getRuntime().availableProcessors());
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static int intOption(String[] args, String name, int fallback) {
        String value = option(args, name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
