package dev.sluice.rollout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.rollout.config.ApprovalPolicy.Approvers;
import dev.sluice.rollout.config.ApprovalPolicy.Team;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    @Test
    void separatesPeopleFromTeams() {
        Approvers approvers = new Approvers(List.of("@acme/dba", "alice", "@acme/platform-team", "bob-2"), 3, false);

        assertThat(approvers.users()).containsExactly("alice", "bob-2");
        assertThat(approvers.teams()).containsExactly(new Team("acme", "dba"), new Team("acme", "platform-team"));
        assertThat(approvers.teams().getFirst()).hasToString("@acme/dba");
        assertThat(Approvers.isTeam("@acme/dba")).isTrue();
        assertThat(Approvers.isTeam("alice")).isFalse();
    }

    @Test
    void aTeamMaySupplyMoreApprovalsThanThereAreEntries() {
        assertThat(new Approvers(List.of("@acme/dba"), 2, false).required()).isEqualTo(2);
    }

    @Test
    void refusesPoliciesThatCanNeverBeMet() {
        assertThatThrownBy(() -> new Approvers(List.of(), 1, false))
                .hasMessage("approvers must name at least one person or team");
        assertThatThrownBy(() -> new Approvers(List.of("alice"), 0, false))
                .hasMessage("required must be at least 1, not 0 (for no approval write approval: auto)");
        assertThatThrownBy(() -> new Approvers(List.of("alice", "bob"), 3, false))
                .hasMessage("required is 3 but only 2 people are listed and no team");
        assertThatThrownBy(() -> new Approvers(List.of("alice"), 2, true))
                .hasMessage("required is 2 but only 1 person is listed and no team");
    }

    @Test
    void refusesMalformedEntries() {
        assertThatThrownBy(() -> new Approvers(List.of("@acme"), 1, false))
                .hasMessage("team \"@acme\" should be written @org/team-slug");
        assertThatThrownBy(() -> new Approvers(List.of("@acme/"), 1, false))
                .hasMessage("team \"@acme/\" should be written @org/team-slug");
        assertThatThrownBy(() -> new Approvers(List.of("@/dba"), 1, false))
                .hasMessage("team \"@/dba\" should be written @org/team-slug");
        assertThatThrownBy(() -> new Approvers(List.of("@acme/dba/x"), 1, false))
                .hasMessage("team \"@acme/dba/x\" should be written @org/team-slug");
        assertThatThrownBy(() -> new Approvers(List.of("alice smith"), 1, false))
                .hasMessage("approver \"alice smith\" is neither a GitHub login (alice) nor a team (@org/team-slug)");
        assertThatThrownBy(() -> Team.parse("acme/dba")).hasMessage("team \"acme/dba\" should be written @org/team-slug");
    }
}
