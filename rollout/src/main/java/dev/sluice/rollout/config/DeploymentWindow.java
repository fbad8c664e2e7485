package dev.sluice.rollout.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When deployments to an environment may start ({@code window:} in {@code sluice.yaml}), written
 * {@code <days> <HH:MM>-<HH:MM> <zone>}: {@code "Mon-Fri 09:00-16:00 Europe/Berlin"}. Days are
 * {@code Mon}…{@code Sun}, ranges ({@code Mon-Fri}, {@code Fri-Mon} wraps), lists
 * ({@code Mon,Wed-Fri}), or {@code *} / {@code daily}. A range that ends before it starts crosses
 * midnight and belongs to the day it starts on: {@code Fri 22:00-02:00} is Friday night.
 *
 * <p>Times are wall-clock times in the zone. A time the clock skips (the spring change) is reached
 * when the clock jumps past it; a time the clock passes twice (the autumn change) is reached the
 * first time. So a window never opens late or closes late because of a change of offset.
 *
 * @param text the window as written, for messages
 */
public record DeploymentWindow(String text, Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    private static final Pattern TIMES = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final String DAYS_HELP = "days are Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges (Mon-Fri), lists (Sat,Sun) or * for every day";
    private static final String FORM = "a window is written <days> <HH:MM>-<HH:MM> <zone>, e.g. \"Mon-Fri 09:00-16:00 Europe/Berlin\"";

    public DeploymentWindow {
        Objects.requireNonNull(text, "text");
        days = Set.copyOf(days);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (days.isEmpty()) {
            throw new IllegalArgumentException(quote(text) + ": no days");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException(quote(text) + ": the window starts and ends at " + start + "; an empty window would never open");
        }
    }

    /** Reads a window; an {@link IllegalArgumentException} quotes the text and names the part at fault. */
    public static DeploymentWindow parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] words = text.strip().split("\\s+");
        if (words.length < 3) {
            throw new IllegalArgumentException(quote(text) + ": " + FORM);
        }
        // The zone and the times have no spaces; whatever comes before them is the days ("Mon, Wed").
        String zoneText = words[words.length - 1];
        String timesText = words[words.length - 2];
        String daysText = String.join("", List.of(words).subList(0, words.length - 2));
        Set<DayOfWeek> days = days(daysText, text);
        Matcher times = TIMES.matcher(timesText);
        if (!times.matches()) {
            throw new IllegalArgumentException(quote(text) + ": the times \"" + timesText + "\" should be HH:MM-HH:MM, e.g. 09:00-16:00");
        }
        LocalTime start = time(times.group(1), times.group(2), text);
        LocalTime end = time(times.group(3), times.group(4), text);
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(quote(text) + ": unknown time zone \"" + zoneText + "\" (use a name such as UTC or Europe/Berlin)");
        }
        return new DeploymentWindow(text, days, start, end, zone);
    }

    /** Whether deployments may start at this instant. */
    public boolean contains(Instant instant) {
        LocalDate today = LocalDate.ofInstant(instant, zone);
        // Yesterday's window may still be open if it crosses midnight.
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            if (days.contains(day.getDayOfWeek()) && !instant.isBefore(opening(day)) && instant.isBefore(closing(day))) {
                return true;
            }
        }
        return false;
    }

    /** The first instant at or after {@code from} when deployments may start: {@code from} itself when inside. */
    public Instant nextOpening(Instant from) {
        if (contains(from)) {
            return from;
        }
        LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
        // A week holds every listed day; the extra days cover a window the clock skipped entirely.
        for (int i = 0; i < 15; i++, day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                Instant opening = opening(day);
                if (!opening.isBefore(from) && opening.isBefore(closing(day))) {
                    return opening;
                }
            }
        }
        throw new IllegalStateException(text + " does not open in the two weeks after " + from);
    }

    @Override
    public String toString() {
        return text;
    }

    private Instant opening(LocalDate day) {
        return instant(day.atTime(start));
    }

    private Instant closing(LocalDate day) {
        return instant((end.isAfter(start) ? day : day.plusDays(1)).atTime(end));
    }

    /** The first instant the zone's clock reads {@code local} or later. */
    private Instant instant(LocalDateTime local) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
    }

    private static Set<DayOfWeek> days(String daysText, String text) {
        if (daysText.equals("*") || daysText.equalsIgnoreCase("daily")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : daysText.split(",", -1)) {
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException(quote(text) + ": \"" + item + "\" is not a day or a range; " + DAYS_HELP);
            }
            DayOfWeek first = day(ends[0], text);
            DayOfWeek last = day(ends[ends.length - 1], text);
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name, String text) {
        int index = DAY_NAMES.indexOf(name.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new IllegalArgumentException(quote(text) + ": unknown day \"" + name + "\"; " + DAYS_HELP);
        }
        return DayOfWeek.of(index + 1);
    }

    private static LocalTime time(String hours, String minutes, String text) {
        int hour = Integer.parseInt(hours);
        int minute = Integer.parseInt(minutes);
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException(quote(text) + ": " + hours + ":" + minutes + " is not a time of day (00:00 to 23:59)");
        }
        return LocalTime.of(hour, minute);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
