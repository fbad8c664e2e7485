package dev.sluice.rollout.config;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentWindowTest {

    // Europe/Berlin in 2025: clocks go 02:00 CET -> 03:00 CEST on Sunday 30 March (01:00Z), and
    // 03:00 CEST -> 02:00 CET on Sunday 26 October (01:00Z).
    static final DeploymentWindow OFFICE = DeploymentWindow.parse("Mon-Fri 09:00-16:00 Europe/Berlin");

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void readsItsParts() {
        assertThat(OFFICE.days()).containsExactlyInAnyOrder(MONDAY, DayOfWeek.TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
        assertThat(OFFICE.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(OFFICE.end()).isEqualTo(LocalTime.of(16, 0));
        assertThat(OFFICE.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(OFFICE.text()).isEqualTo("Mon-Fri 09:00-16:00 Europe/Berlin");
        assertThat(OFFICE).hasToString("Mon-Fri 09:00-16:00 Europe/Berlin");
    }

    @Test
    void containsWallClockTimesInItsZone() {
        assertThat(OFFICE.contains(at("2025-06-02T07:00:00Z"))).isTrue();   // Monday 09:00 CEST: opens
        assertThat(OFFICE.contains(at("2025-06-02T06:59:59Z"))).isFalse();
        assertThat(OFFICE.contains(at("2025-06-02T13:59:59Z"))).isTrue();
        assertThat(OFFICE.contains(at("2025-06-02T14:00:00Z"))).isFalse();  // 16:00 CEST: closed
        assertThat(OFFICE.contains(at("2025-01-06T08:00:00Z"))).isTrue();   // Monday 09:00 CET
        assertThat(OFFICE.contains(at("2025-01-06T07:30:00Z"))).isFalse();
        assertThat(OFFICE.contains(at("2025-06-07T10:00:00Z"))).isFalse();  // Saturday
    }

    @Test
    void nextOpeningIsTheInstantItselfWhenInside() {
        Instant inside = at("2025-06-04T10:15:00Z");
        assertThat(OFFICE.nextOpening(inside)).isEqualTo(inside);
    }

    @Test
    void nextOpeningOverTheWeekendFollowsTheSpringChange() {
        // Friday 28 March 16:30 CET; Monday 31 March 09:00 is CEST, an hour earlier in UTC.
        assertThat(OFFICE.nextOpening(at("2025-03-28T15:30:00Z"))).isEqualTo(at("2025-03-31T07:00:00Z"));
        assertThat(OFFICE.nextOpening(at("2025-03-28T05:00:00Z"))).isEqualTo(at("2025-03-28T08:00:00Z"));
    }

    @Test
    void nextOpeningOverTheWeekendFollowsTheAutumnChange() {
        // Friday 24 October 16:00 CEST; Monday 27 October 09:00 is CET.
        assertThat(OFFICE.nextOpening(at("2025-10-24T14:00:00Z"))).isEqualTo(at("2025-10-27T08:00:00Z"));
    }

    @Test
    void aStartTheClockSkipsOpensWhenTheClockJumpsPastIt() {
        DeploymentWindow window = DeploymentWindow.parse("Sun 02:30-04:00 Europe/Berlin");
        // 02:30 does not exist on 30 March: at 01:00Z the clock jumps from 02:00 CET to 03:00 CEST.
        assertThat(window.nextOpening(at("2025-03-29T12:00:00Z"))).isEqualTo(at("2025-03-30T01:00:00Z"));
        assertThat(window.contains(at("2025-03-30T00:59:59Z"))).isFalse();
        assertThat(window.contains(at("2025-03-30T01:00:00Z"))).isTrue();
        assertThat(window.contains(at("2025-03-30T01:59:59Z"))).isTrue();
        assertThat(window.contains(at("2025-03-30T02:00:00Z"))).isFalse(); // 04:00 CEST
        // A week later, an ordinary Sunday: 02:30 CEST.
        assertThat(window.nextOpening(at("2025-03-30T02:00:00Z"))).isEqualTo(at("2025-04-06T00:30:00Z"));
    }

    @Test
    void aWindowTheClockSkipsEntirelyOpensTheWeekAfter() {
        DeploymentWindow window = DeploymentWindow.parse("Sun 02:15-02:45 Europe/Berlin");
        assertThat(window.nextOpening(at("2025-03-29T12:00:00Z"))).isEqualTo(at("2025-04-06T00:15:00Z"));
        assertThat(window.contains(at("2025-03-30T01:00:00Z"))).isFalse();
    }

    @Test
    void aTimeTheClockPassesTwiceCountsTheFirstTime() {
        DeploymentWindow window = DeploymentWindow.parse("Sun 02:30-03:00 Europe/Berlin");
        // 26 October: 02:30 CEST is 00:30Z; 03:00 exists only in CET, 02:00Z. The hour repeats inside.
        assertThat(window.nextOpening(at("2025-10-25T12:00:00Z"))).isEqualTo(at("2025-10-26T00:30:00Z"));
        assertThat(window.contains(at("2025-10-26T00:29:59Z"))).isFalse();
        assertThat(window.contains(at("2025-10-26T01:30:00Z"))).isTrue();   // 02:30 CET, the second time
        assertThat(window.contains(at("2025-10-26T01:59:59Z"))).isTrue();
        assertThat(window.contains(at("2025-10-26T02:00:00Z"))).isFalse();

        DeploymentWindow early = DeploymentWindow.parse("Sun 02:00-02:30 Europe/Berlin");
        assertThat(early.contains(at("2025-10-26T00:00:00Z"))).isTrue();    // 02:00 CEST
        assertThat(early.contains(at("2025-10-26T00:30:00Z"))).isFalse();   // the clock first reads 02:30: closed
        assertThat(early.contains(at("2025-10-26T01:15:00Z"))).isFalse();   // 02:15 CET, after it closed
    }

    @Test
    void aRangeThatEndsBeforeItStartsCrossesMidnightAndBelongsToItsFirstDay() {
        DeploymentWindow friday = DeploymentWindow.parse("Fri 22:00-02:00 UTC");
        assertThat(friday.contains(at("2025-06-06T21:59:59Z"))).isFalse();
        assertThat(friday.contains(at("2025-06-06T22:00:00Z"))).isTrue();
        assertThat(friday.contains(at("2025-06-07T01:59:59Z"))).isTrue();   // Saturday morning, Friday's window
        assertThat(friday.contains(at("2025-06-07T02:00:00Z"))).isFalse();
        assertThat(friday.contains(at("2025-06-07T23:00:00Z"))).isFalse();  // Saturday night is not listed
        assertThat(friday.contains(at("2025-06-06T01:00:00Z"))).isFalse();  // Thursday's night is not listed
        assertThat(friday.nextOpening(at("2025-06-07T02:00:00Z"))).isEqualTo(at("2025-06-13T22:00:00Z"));
        assertThat(friday.nextOpening(at("2025-06-07T01:00:00Z"))).isEqualTo(at("2025-06-07T01:00:00Z"));
    }

    @Test
    void aNightAcrossTheSpringChangeIsAnHourShorter() {
        DeploymentWindow night = DeploymentWindow.parse("Sat 22:00-04:00 Europe/Berlin");
        assertThat(night.nextOpening(at("2025-03-29T12:00:00Z"))).isEqualTo(at("2025-03-29T21:00:00Z")); // 22:00 CET
        assertThat(night.contains(at("2025-03-30T01:59:59Z"))).isTrue();   // 03:59 CEST
        assertThat(night.contains(at("2025-03-30T02:00:00Z"))).isFalse();  // 04:00 CEST
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Mon,Wed-Fri 10:00-11:00 UTC; MONDAY,WEDNESDAY,THURSDAY,FRIDAY",
            "Sat,Sun 10:00-11:00 UTC; SATURDAY,SUNDAY",
            "Mon, Wed 10:00-11:00 UTC; MONDAY,WEDNESDAY",
            "fri-mon 10:00-11:00 UTC; FRIDAY,SATURDAY,SUNDAY,MONDAY",
            "Tue-Tue 10:00-11:00 UTC; TUESDAY",
            "* 10:00-11:00 UTC; MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "daily 10:00-11:00 UTC; MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"})
    void readsDayLists(String text, String expected) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : expected.split(",")) {
            days.add(DayOfWeek.valueOf(day));
        }
        assertThat(DeploymentWindow.parse(text).days()).isEqualTo(days);
    }

    @Test
    void aDayListAppliesToEachListedDay() {
        DeploymentWindow weekend = DeploymentWindow.parse("Sat,Sun 10:00-12:00 UTC");
        assertThat(weekend.contains(at("2025-06-07T11:00:00Z"))).isTrue();  // Saturday
        assertThat(weekend.contains(at("2025-06-08T11:00:00Z"))).isTrue();  // Sunday
        assertThat(weekend.contains(at("2025-06-09T11:00:00Z"))).isFalse(); // Monday
        assertThat(weekend.nextOpening(at("2025-06-08T12:00:00Z"))).isEqualTo(at("2025-06-14T10:00:00Z"));
        assertThat(weekend.days()).containsExactlyInAnyOrder(SATURDAY, SUNDAY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mon-Fri 09:00-16:00|\"Mon-Fri 09:00-16:00\": a window is written <days> <HH:MM>-<HH:MM> <zone>, e.g. \"Mon-Fri 09:00-16:00 Europe/Berlin\"",
            "Mon-Fry 09:00-16:00 UTC|\"Mon-Fry 09:00-16:00 UTC\": unknown day \"Fry\"; days are Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges (Mon-Fri), lists (Sat,Sun) or * for every day",
            "Mon,,Fri 09:00-16:00 UTC|\"Mon,,Fri 09:00-16:00 UTC\": unknown day \"\"; days are Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges (Mon-Fri), lists (Sat,Sun) or * for every day",
            "Mon-Wed-Fri 09:00-16:00 UTC|\"Mon-Wed-Fri 09:00-16:00 UTC\": \"Mon-Wed-Fri\" is not a day or a range; days are Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges (Mon-Fri), lists (Sat,Sun) or * for every day",
            "Mon-Fri 9-16 UTC|\"Mon-Fri 9-16 UTC\": the times \"9-16\" should be HH:MM-HH:MM, e.g. 09:00-16:00",
            "Mon-Fri 09:00-24:00 UTC|\"Mon-Fri 09:00-24:00 UTC\": 24:00 is not a time of day (00:00 to 23:59)",
            "Mon-Fri 09:60-16:00 UTC|\"Mon-Fri 09:60-16:00 UTC\": 09:60 is not a time of day (00:00 to 23:59)",
            "Mon-Fri 09:00-16:00 Mars/Olympus|\"Mon-Fri 09:00-16:00 Mars/Olympus\": unknown time zone \"Mars/Olympus\" (use a name such as UTC or Europe/Berlin)",
            "Mon-Fri 09:00-09:00 UTC|\"Mon-Fri 09:00-09:00 UTC\": the window starts and ends at 09:00; an empty window would never open"})
    void namesWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> DeploymentWindow.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
