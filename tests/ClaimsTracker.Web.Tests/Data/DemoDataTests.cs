using System.Text.RegularExpressions;
using ClaimsTracker.Data.DemoData;
using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimsTracker.Web.Tests.Data;

public partial class DemoDataTests(ClaimsAppFactory app) : IClassFixture<ClaimsAppFactory>
{
    [Fact]
    public async Task Startup_LoadsFiveReportsWithAnchoredClaims()
    {
        await using var db = app.CreateDbContext();
        var reports = await db.Reports.Include(r => r.Claims).ToListAsync();

        Assert.Equal(5, reports.Count);
        Assert.All(reports, r => Assert.NotEmpty(r.Claims));
        foreach (var claim in reports.SelectMany(r => r.Claims.Select(c => (r.Text, c.Quote))))
        {
            Assert.Equal(claim.Quote.Exact, claim.Text[claim.Quote.Start..claim.Quote.End]);
            Assert.False(claim.Quote.IsOrphaned);
        }
    }

    [Theory]
    [InlineData("Zelenskyy", "Volodymyr Zelensky")]
    [InlineData("SSU", "Security Service of Ukraine")]
    [InlineData("SBU", "Security Service of Ukraine")]
    [InlineData("NIS", "National Intelligence Service")]
    public async Task Startup_SourcesCarryTheirAliases(string alias, string name)
    {
        await using var db = app.CreateDbContext();

        var source = await db.Sources.SingleAsync(s => s.Aliases.Any(a => a.Name == alias));

        Assert.Equal(name, source.Name);
    }

    [Theory]
    [InlineData("about 1,000", Qualifier.Approximately, 900d, 1100d)]
    [InlineData("more than 1,000", Qualifier.MoreThan, 1000d, null)]
    [InlineData("more than 3,000", Qualifier.MoreThan, 3000d, null)]
    [InlineData("as many as 4,000", Qualifier.UpTo, 3000d, 4000d)]
    [InlineData("approximately 200", Qualifier.Approximately, 180d, 220d)]
    public async Task Startup_CasualtyFiguresAreNormalised(string asWritten, Qualifier qualifier, double low, double? high)
    {
        await using var db = app.CreateDbContext();

        var figure = await db.Figures.Include(f => f.Metric).SingleAsync(f => f.AsWritten == asWritten && f.Metric!.Key == "nk-killed-or-wounded");

        Assert.Equal(qualifier, figure.Qualifier);
        Assert.Equal((decimal)low, figure.Low);
        Assert.Equal((decimal?)high, figure.High);
    }

    [Fact]
    public async Task Startup_SpyAgencyFiguresAreRelayedPartsOfTheWhole()
    {
        await using var db = app.CreateDbContext();

        var claim = await db.Claims.Include(c => c.Figures).ThenInclude(f => f.Metric).Include(c => c.Source).Include(c => c.RelayedVia)
            .SingleAsync(c => c.Figures.Any(f => f.Metric!.Key == "nk-killed") && c.Figures.Any(f => f.Metric!.Key == "nk-wounded"));
        var whole = await db.Metrics.Include(m => m.Parts).ThenInclude(p => p.Part).SingleAsync(m => m.Key == "nk-killed-or-wounded");

        Assert.Equal("National Intelligence Service", claim.Source!.Name);
        Assert.Equal("Yonhap News Agency", claim.RelayedVia!.Name);
        Assert.Equal(3000m, claim.Figures.Sum(f => f.Best));
        Assert.Equal(["nk-killed", "nk-wounded"], whole.Parts.Select(p => p.Part!.Key).Order());
    }

    [Fact]
    public async Task Startup_CaptureDateIsJanuaryNinthWhereverReported()
    {
        await using var db = app.CreateDbContext();

        var dates = await db.Figures.Where(f => f.Metric!.Key == "capture-date").Select(f => f.Best).ToListAsync();

        Assert.True(dates.Count >= 2, "The capture date is reported by several outlets.");
        Assert.All(dates, d => Assert.Equal(new DateOnly(2025, 1, 9).DayNumber, (int)d!.Value));
    }

    [Fact]
    public async Task LoadAsync_SecondTime_AddsNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<DemoDataLoader>();
        await using var db = app.CreateDbContext();
        var before = (await db.Reports.CountAsync(), await db.Claims.CountAsync(), await db.Sources.CountAsync(), await db.Figures.CountAsync());

        var added = await loader.LoadAsync(DemoDataLoader.ReadEmbedded());

        Assert.Equal(0, added);
        Assert.Equal(before, (await db.Reports.CountAsync(), await db.Claims.CountAsync(), await db.Sources.CountAsync(), await db.Figures.CountAsync()));
    }

    /// <summary>The hand-annotated qualifiers and values agree with what the phrase parser reads.</summary>
    [Fact]
    public void DemoFigures_AnnotationsMatchThePhraseParser()
    {
        var parser = new FigurePhraseParser();
        var figures = DemoDataLoader.ReadEmbedded().Reports.SelectMany(r => r.Claims ?? []).SelectMany(c => c.Figures ?? [])
            .Where(f => f.Date is null && f.Value is not null)
            .ToList();
        Assert.NotEmpty(figures);

        foreach (var figure in figures)
        {
            var parsed = parser.Parse(figure.AsWritten);
            Assert.True(parsed is not null, $"The parser reads nothing in “{figure.AsWritten}”.");
            Assert.Equal((figure.Qualifier, figure.Value), (parsed.Qualifier, (decimal?)parsed.Value));
        }
    }

    /// <summary>
    /// The demo texts are our own re-telling: no run of eight words may match the reference
    /// articles (looked for in ../shared/seeds beside the repository, when it is there).
    /// </summary>
    [Fact]
    public void DemoTexts_ShareNoEightWordRunWithReferenceArticles()
    {
        var seeds = SeedDirectory();
        var ours = DemoDataLoader.ReadEmbedded().Reports.Select(r => r.Text).ToList();
        Assert.NotEmpty(ours);
        if (seeds is null)
        {
            return;
        }

        var theirs = Directory.GetFiles(seeds, "*.txt").SelectMany(f => Shingles(File.ReadAllText(f))).ToHashSet();
        Assert.NotEmpty(theirs);
        var copied = ours.SelectMany(Shingles).Where(theirs.Contains).ToList();
        Assert.True(copied.Count == 0, $"Copied from the reference articles: {string.Join(" | ", copied.Take(5))}");
    }

    /// <summary>The extraction corpus and the multi-report scenarios are our own writing too.</summary>
    [Fact]
    public void ExtractionCorpus_SharesNoEightWordRunWithReferenceArticles()
    {
        var seeds = SeedDirectory();
        var corpus = RepositoryFile(Path.Combine("benchmarks", "ClaimsTracker.ExtractionScore", "ClaimsTracker.ExtractionScore.csproj"));
        Assert.True(corpus is not null, "benchmarks/ClaimsTracker.ExtractionScore not found");
        var files = Directory.GetFiles(Path.GetDirectoryName(corpus)!, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        if (seeds is null)
        {
            return;
        }

        var theirs = Directory.GetFiles(seeds, "*.txt").SelectMany(f => Shingles(File.ReadAllText(f))).ToHashSet();
        var copied = files.SelectMany(f => Shingles(File.ReadAllText(f)).Where(theirs.Contains).Select(s => $"{Path.GetFileName(f)}: {s}")).ToList();
        Assert.True(copied.Count == 0, $"Copied from the reference articles: {string.Join(" | ", copied.Take(5))}");
    }

    private static string? RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IEnumerable<string> Shingles(string text)
    {
        var words = Words().Matches(text.ToLowerInvariant().Replace('’', '\'')).Select(m => m.Value).ToArray();
        for (var i = 0; i + 8 <= words.Length; i++)
        {
            yield return string.Join(' ', words[i..(i + 8)]);
        }
    }

    private static string? SeedDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Words();
}
