package dev.sluice.review.archviolation;

/** Deliberately breaks the review rule, so the architecture test can prove the rule bites. */
public class ReviewUsingTheFramework {
    public Object context() {
        return io.micronaut.context.ApplicationContext.builder();
    }
}
