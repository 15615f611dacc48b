using System.Text.Json;
using ClaimsTracker.Web.Features.ReportEntry;

namespace ClaimsTracker.Components.Tests.ReportEntry;

public class ProposalsDraftTests
{
    [Fact]
    public void ApplyTo_FreshProposals_PutsBackEditsAndRejections()
    {
        var edited = ProposalCardTests.Draft(0.9, [1, null]);
        edited.Source = "Ukrainian General Staff";
        edited.Figures[1].Include = true;
        edited.Figures[1].MetricId = 2;
        edited.Figures[1].Scope = "Kursk";
        var stored = JsonSerializer.Deserialize<ProposalsDraft>(JsonSerializer.Serialize(ProposalsDraft.Capture([edited], ["other-key"])))!;
        var fresh = ProposalCardTests.Draft(0.9, [1, null]);
        var rejected = new HashSet<string>();

        var applied = stored.ApplyTo([fresh, new ClaimDraft { Key = "other-key", Quote = "x" }], rejected);

        Assert.Equal(2, applied);
        Assert.Equal("Ukrainian General Staff", fresh.Source);
        Assert.True(fresh.Figures[1].Include);
        Assert.Equal(2, fresh.Figures[1].MetricId);
        Assert.Equal("Kursk", fresh.Figures[1].Scope);
        Assert.Equal(["other-key"], rejected);
    }

    [Fact]
    public void ApplyTo_ProposalsNoLongerOffered_AreIgnored()
    {
        var stored = ProposalsDraft.Capture([ProposalCardTests.Draft(0.9, [1])], ["gone"]);
        var rejected = new HashSet<string>();

        var applied = stored.ApplyTo([new ClaimDraft { Key = "something-else", Quote = "y" }], rejected);

        Assert.Equal(0, applied);
        Assert.Empty(rejected);
    }
}
