using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Metrics;

namespace ClaimsTracker.Domain.Tests.Metrics;

public class MetricRulesTests
{
    private static Metric Count(int id, string key) => new() { Id = id, Key = key, Name = key.Replace('-', ' '), Kind = FigureKind.Count };

    [Fact]
    public void SetParts_PartThatAlreadyIncludesTheWhole_IsRefusedAsACycleWithItsPath()
    {
        var killed = Count(1, "killed");
        var total = Count(2, "killed-or-wounded");
        var casualties = Count(3, "casualties");
        Assert.True(total.SetParts([killed]).IsSuccess);
        Assert.True(casualties.SetParts([total]).IsSuccess);

        var result = killed.SetParts([casualties]);

        Assert.Contains("casualties → killed or wounded → killed", Assert.Single(result.Errors["PartIds"]), StringComparison.Ordinal);
        Assert.Empty(killed.Parts);
    }

    [Fact]
    public void SetParts_ItselfOrOtherKind_IsRefused()
    {
        var whole = Count(1, "whole");
        var date = new Metric { Id = 2, Key = "day", Name = "Day", Kind = FigureKind.Date };

        var errors = whole.SetParts([whole, date]).Errors["PartIds"];

        Assert.Contains("A metric cannot be its own part.", errors);
        Assert.Contains(errors, e => e.Contains("measured as Date", StringComparison.Ordinal));
    }

    [Fact]
    public void SetParts_Replaces_KeepingOnlyTheNewParts()
    {
        var (whole, a, b) = (Count(1, "whole"), Count(2, "a"), Count(3, "b"));
        whole.SetParts([a]);

        whole.SetParts([b]);

        Assert.Equal([3], whole.PartIds());
    }

    [Theory]
    [InlineData("Not A Slug", "Key")]
    [InlineData("-leading", "Key")]
    [InlineData("", "Key")]
    public void Create_BadKey_IsRefused(string key, string field) =>
        Assert.Contains(field, Metric.Create(new MetricDetails { Key = key, Name = "N" }, []).Errors.Keys);

    [Fact]
    public void Create_RunningTotalAndSingleEvent_IsRefused() =>
        Assert.Contains("IsSingleEvent", Metric.Create(new MetricDetails { Key = "k", Name = "N", IsCumulative = true, IsSingleEvent = true }, []).Errors.Keys);

    [Fact]
    public void Create_KeyOrNameTaken_NamesTheOwner()
    {
        var catalogue = new[] { Count(1, "killed") };

        var result = Metric.Create(new MetricDetails { Key = "killed", Name = "KILLED" }, catalogue);

        Assert.Contains("already used by “killed”", Assert.Single(result.Errors["Key"]), StringComparison.Ordinal);
        Assert.Contains("Name", result.Errors.Keys);
    }

    [Fact]
    public void Update_KindWhileFiguresUseIt_IsRefused()
    {
        var metric = Count(1, "killed");

        var result = metric.Update(new MetricDetails { Key = "killed", Name = "killed", Kind = FigureKind.Money }, [metric], figuresUsingIt: 3);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(FigureKind.Count, metric.Kind);
    }

    [Theory]
    [InlineData("People injured", "people-injured")]
    [InlineData("Ransom demanded (in ₦)", "ransom-demanded-in")]
    [InlineData("Évacués à Montréal", "evacues-a-montreal")]
    [InlineData("!!!", "metric")]
    public void KeyFor_Name_IsAValidKey(string name, string key)
    {
        Assert.Equal(key, Metric.KeyFor(name));
        Assert.False(Metric.Check(new MetricDetails { Key = Metric.KeyFor(name), Name = name, Kind = ClaimsTracker.Domain.Figures.FigureKind.Count }).Has("Key"));
    }
}
