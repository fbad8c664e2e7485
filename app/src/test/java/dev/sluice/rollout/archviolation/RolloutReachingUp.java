package dev.sluice.rollout.archviolation;

/** Deliberately breaks the rollout rule, so the architecture test can prove the rule bites. */
public class RolloutReachingUp {
    public String version() {
        return dev.sluice.app.cli.SluiceVersion.current();
    }
}
