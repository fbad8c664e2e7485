package dev.sluice.rollout.pipeline;

import java.util.Locale;

/** How an approval was given: a {@code /sluice approve} comment or a {@code sluice/approve-<env>} label. */
public enum ApprovalSource {
    COMMENT,
    LABEL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
