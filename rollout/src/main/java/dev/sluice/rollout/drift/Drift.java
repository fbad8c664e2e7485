package dev.sluice.rollout.drift;

import java.util.List;

/** The differences between a recorded schema and the live one; none means no drift. */
public record Drift(List<Difference> differences) {

    public static final Drift NONE = new Drift(List.of());

    public Drift {
        differences = List.copyOf(differences);
    }

    public boolean drifted() {
        return !differences.isEmpty();
    }

    /** One line per difference, then the repair SQL where there is one: what users read. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Difference difference : differences) {
            text.append("- ").append(difference.words()).append('\n');
        }
        List<String> repairs = differences.stream().flatMap(difference -> difference.repairSql().stream()).toList();
        if (!repairs.isEmpty()) {
            text.append("\nTo return to the recorded schema:\n\n");
            repairs.forEach(sql -> text.append(sql.strip()).append('\n'));
        }
        return text.toString();
    }
}
