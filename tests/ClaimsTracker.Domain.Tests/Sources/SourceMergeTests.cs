using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Reports;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Tests.Sources;

public class SourceMergeTests
{
    private static Claim ClaimBy(int sourceId, int? relayId) =>
        new() { SourceId = sourceId, RelayedViaId = relayId, Summary = "s", Quote = new QuoteAnchor { Exact = "q" } };

    [Fact]
    public void Merge_MovesClaimsRelaysReportsAndNames()
    {
        var survivor = new Source { Id = 1, Name = "Security Service of Ukraine", Kind = SourceKind.Agency };
        var merged = new Source { Id = 2, Name = "SBU", Kind = SourceKind.Agency, Affiliation = "Ukraine" };
        merged.AddAlias("SSU");
        var claims = new[] { ClaimBy(2, null), ClaimBy(5, 2), ClaimBy(9, null) };
        var reports = new[] { new Report { OutletId = 2, Title = "t", Text = "x", EnteredBy = "e" } };

        var merge = survivor.Merge(merged, claims, reports).Value;

        Assert.Equal((1, 1, 1), (merge.Claims, merge.RelayedClaims, merge.Reports));
        Assert.Equal([1, 5, 9], claims.Select(c => c.SourceId));
        Assert.Equal(1, claims[1].RelayedViaId);
        Assert.Equal(1, reports[0].OutletId);
        Assert.True(survivor.IsKnownAs("sbu") && survivor.IsKnownAs("SSU"));
        Assert.Equal("Ukraine", survivor.Affiliation);
        Assert.Empty(merged.Aliases);
    }

    [Fact]
    public void Merge_ClaimRelayedByItsOwnSourceAfterwards_LosesTheRelay()
    {
        var survivor = new Source { Id = 1, Name = "Zelensky" };
        var merged = new Source { Id = 2, Name = "Zelenskyy" };
        var claim = ClaimBy(1, 2);

        survivor.Merge(merged, [claim], []);

        Assert.Null(claim.RelayedViaId);
    }

    [Fact]
    public void Merge_AliasTheSurvivorHasAlready_IsDroppedForDeletion()
    {
        var survivor = new Source { Id = 1, Name = "Kirby" };
        survivor.AddAlias("John Kirby");
        var merged = new Source { Id = 2, Name = "J. Kirby" };
        merged.AddAlias("john kirby");

        var merge = survivor.Merge(merged, [], []).Value;

        Assert.Equal("john kirby", Assert.Single(merge.DroppedAliases).Name);
    }

    [Fact]
    public void Merge_IntoItself_IsRefused()
    {
        var source = new Source { Id = 1, Name = "Kirby" };

        Assert.Contains("MergedId", source.Merge(source, [], []).Errors.Keys);
    }

    [Fact]
    public void Update_ReplacesAliases_ReportingRemovedAndAdded()
    {
        var source = Source.Create(new SourceDetails { Name = "Security Service of Ukraine", Aliases = ["SBU", "SSU"] }).Value;

        var (removed, added) = source.Update(new SourceDetails { Name = "Security Service of Ukraine", Aliases = ["sbu", "Ukrainian Security Service"] }).Value;

        Assert.Equal(["SSU"], removed.Select(a => a.Name));
        Assert.Equal(["Ukrainian Security Service"], added);
        Assert.Equal(["sbu", "Ukrainian Security Service"], source.Aliases.Select(a => a.Name));
    }

    [Fact]
    public void Create_NameWithoutLettersOrTooLongAlias_IsRefused()
    {
        Assert.Contains("Name", Source.Create(new SourceDetails { Name = " -- " }).Errors.Keys);
        Assert.Contains("Aliases", Source.Create(new SourceDetails { Name = "A", Aliases = [new string('a', 201)] }).Errors.Keys);
    }
}
