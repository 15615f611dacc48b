using ClaimsTracker.Domain.Conflicts;

namespace ClaimsTracker.Domain.Tests.Conflicts;

/// <summary>A conflict's status changes only through Resolve, Reopen and MarkNoLongerDetected.</summary>
public class ConflictTests
{
    private static readonly DateTimeOffset Noon = new(2025, 1, 13, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_Conflict_IsOpen()
    {
        Assert.Equal(ConflictStatus.Open, Dispute().Status);
    }

    [Fact]
    public void Scope_Set_KeyIsItsNameKey()
    {
        var conflict = Dispute();

        conflict.Scope = "Kursk Region,";

        Assert.Equal("kursk region", conflict.ScopeKey);
    }

    [Fact]
    public void Resolve_PreferAMember_IsResolvedWithWhoWhenAndWhy()
    {
        var conflict = Dispute();

        conflict.Resolve(ConflictStatus.Resolved, 2, null, "  Dated official estimate. ", "reviewer", Noon);

        Assert.Equal((ConflictStatus.Resolved, 2, "Dated official estimate.", "reviewer", Noon),
            (conflict.Status, conflict.PreferredFigureId, conflict.Rationale, conflict.ResolvedBy, conflict.ResolvedAt));
        Assert.True(conflict.IsDecided);
    }

    [Fact]
    public void Resolve_NotAConflict_KeepsTheReasonAndNoPreference()
    {
        var conflict = Dispute();

        conflict.Resolve(ConflictStatus.NotAConflict, 2, DismissalReason.DifferentPeriod, "A week against a total.", "reviewer", Noon);

        Assert.Equal((ConflictStatus.NotAConflict, (int?)null, DismissalReason.DifferentPeriod), (conflict.Status, conflict.PreferredFigureId, conflict.DismissalReason));
    }

    [Theory]
    [InlineData(ConflictStatus.Resolved, 99, null, "why")]
    [InlineData(ConflictStatus.Resolved, null, null, "why")]
    [InlineData(ConflictStatus.NotAConflict, null, null, "why")]
    [InlineData(ConflictStatus.NeedsMoreInformation, null, null, " ")]
    [InlineData(ConflictStatus.Open, null, null, "why")]
    [InlineData(ConflictStatus.NoLongerDetected, null, null, "why")]
    public void Resolve_InvalidDecision_IsRefusedAndChangesNothing(ConflictStatus decision, int? preferred, DismissalReason? reason, string rationale)
    {
        var conflict = Dispute();

        Assert.Throws<ArgumentException>(() => conflict.Resolve(decision, preferred, reason, rationale, "reviewer", Noon));

        Assert.Equal(ConflictStatus.Open, conflict.Status);
        Assert.Null(conflict.Rationale);
    }

    [Fact]
    public void Resolve_NoLongerDetected_IsRefused()
    {
        var conflict = Dispute();
        conflict.MarkNoLongerDetected();

        Assert.Throws<InvalidOperationException>(() => conflict.Resolve(ConflictStatus.NeedsMoreInformation, null, null, "why", "reviewer", Noon));
        Assert.Equal(ConflictStatus.NoLongerDetected, conflict.Status);
    }

    [Fact]
    public void Reopen_DecidedConflict_IsOpenWithTheDecisionCleared()
    {
        var conflict = Dispute();
        conflict.Resolve(ConflictStatus.Resolved, 1, null, "why", "reviewer", Noon);

        conflict.Reopen();

        Assert.Equal((ConflictStatus.Open, (int?)null, (string?)null, (string?)null, (DateTimeOffset?)null),
            (conflict.Status, conflict.PreferredFigureId, conflict.Rationale, conflict.ResolvedBy, conflict.ResolvedAt));
        Assert.False(conflict.IsDecided);
    }

    [Fact]
    public void Reopen_NoLongerDetected_IsOpenAgain()
    {
        var conflict = Dispute();
        conflict.MarkNoLongerDetected();

        conflict.Reopen();

        Assert.Equal(ConflictStatus.Open, conflict.Status);
    }

    [Fact]
    public void Reopen_AlreadyOpen_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => Dispute().Reopen());
    }

    [Fact]
    public void MarkNoLongerDetected_Open_IsKeptForTheRecord()
    {
        var conflict = Dispute();

        conflict.MarkNoLongerDetected();

        Assert.Equal(ConflictStatus.NoLongerDetected, conflict.Status);
    }

    [Fact]
    public void MarkNoLongerDetected_Decided_IsRefusedAndTheDecisionStays()
    {
        var conflict = Dispute();
        conflict.Resolve(ConflictStatus.NeedsMoreInformation, null, null, "Ask the ministry.", "reviewer", Noon);

        Assert.Throws<InvalidOperationException>(conflict.MarkNoLongerDetected);
        Assert.Equal(ConflictStatus.NeedsMoreInformation, conflict.Status);
    }

    [Theory]
    [InlineData(" reviewer@claims.test ", "reviewer@claims.test")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void AssignTo_TrimsTheNameAndABlankReleases(string? reviewer, string? expected)
    {
        var conflict = Dispute();
        conflict.AssignTo("someone@claims.test");

        conflict.AssignTo(reviewer);

        Assert.Equal(expected, conflict.AssignedTo);
    }

    private static Conflict Dispute() => new()
    {
        Signature = "ValueDisagreement|10|kursk region|dispute|1",
        Explanation = "2 camps",
        Members =
        [
            new ConflictMember { FigureId = 1, FigureFingerprint = "a", Position = 1, Camp = 1, ConsistentCamps = [1] },
            new ConflictMember { FigureId = 2, FigureFingerprint = "b", Position = 2, Camp = 2, ConsistentCamps = [2] },
        ],
    };
}
