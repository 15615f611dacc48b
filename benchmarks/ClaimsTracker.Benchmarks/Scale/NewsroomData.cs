using ClaimsTracker.Domain.Figures;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>How big the generated newsroom is: the 1M-figure proportions, scaled down for quick tries.</summary>
public sealed record ScaleShape(int Figures)
{
    public const int FiguresPerClaim = 5;
    public const int ClaimsPerReport = 4;

    public int Claims => Figures / FiguresPerClaim;
    public int Reports => Claims / ClaimsPerReport;
    public int Sources => Math.Max(60, Figures / 200);
    public int Outlets => Math.Max(10, Figures / 3_333);
    public int Metrics => Math.Max(20, Figures / 500);
}

public sealed record GeneratedSource(int Id, string Name, SourceKind Kind, string? Description, string? Alias);

public sealed record GeneratedMetric(int Id, string Key, string Name, decimal Baseline, int[] PartIds);

public sealed record GeneratedFigure(int MetricId, string Scope, string AsWritten, Qualifier Qualifier, decimal Value, decimal? High, ValueInterval Interval, TimeReference Time);

public sealed record GeneratedClaim(int SourceId, int? RelayedViaId, string Summary, int QuoteStart, int QuoteLength, List<GeneratedFigure> Figures);

public sealed record GeneratedReport(int Number, string Title, int OutletId, string Author, DateOnly PublishedOn, string Url, string Text, List<GeneratedClaim> Claims);

/// <summary>
/// A deterministic newsroom: sources (people, organisations, outlets; a third with an alias),
/// metric families (every tenth a whole with two parts), and reports whose claims quote a
/// sentence carrying five figures. Each report covers one place and five neighbouring metrics,
/// so every (metric, place) gathers dozens of figures from different sources over two years,
/// growing with noise and a few outliers, which is what detection and the explorer work on.
/// </summary>
public sealed class NewsroomData
{
    private static readonly Qualifier[] Qualifiers = [Qualifier.Exact, Qualifier.Approximately, Qualifier.MoreThan, Qualifier.UpTo, Qualifier.AtLeast, Qualifier.Range];
    private static readonly DateOnly FirstDay = new(2024, 1, 1);
    private const int Days = 700;

    private readonly NormalisationOptions normalisation = new();
    private readonly int seed;

    public NewsroomData(ScaleShape shape, int seed = 2025)
    {
        Shape = shape;
        this.seed = seed;
        var random = new Random(seed);
        Sources = GenerateSources(shape, random);
        Metrics = GenerateMetrics(shape, random);
        People = Sources.Where(s => s.Kind != SourceKind.Outlet).ToList();
        Outlets = Sources.Where(s => s.Kind == SourceKind.Outlet).ToList();
    }

    public ScaleShape Shape { get; }
    public List<GeneratedSource> Sources { get; }
    public List<GeneratedSource> People { get; }
    public List<GeneratedSource> Outlets { get; }
    public List<GeneratedMetric> Metrics { get; }

    /// <summary>Reports numbered from <paramref name="first"/>; the same numbers always give the same reports.</summary>
    public IEnumerable<GeneratedReport> Reports(int first, int count)
    {
        for (var number = first; number < first + count; number++)
        {
            yield return Report(number);
        }
    }

    private GeneratedReport Report(int number)
    {
        // HashCode.Combine is randomised per process; a fixed mix keeps every run's data the same.
        var random = new Random(ReportSeed(seed, number));
        var baseMetric = random.Next(Metrics.Count);
        var place = NewsroomText.Places[(baseMetric * 7 + random.Next(8)) % NewsroomText.Places.Length];
        var published = FirstDay.AddDays(random.Next(Days));
        var outlet = Outlets[random.Next(Outlets.Count)];
        var quantity = baseMetric % NewsroomText.Quantities.Length;
        var text = new System.Text.StringBuilder();
        text.Append(NewsroomText.Opening(random, place, published)).Append(' ').Append(NewsroomText.Filler(random));
        var claims = new List<GeneratedClaim>(ScaleShape.ClaimsPerReport);
        for (var c = 0; c < ScaleShape.ClaimsPerReport; c++)
        {
            var source = People[random.Next(People.Count)];
            var figures = new List<GeneratedFigure>(ScaleShape.FiguresPerClaim);
            var words = new List<(string, int)>(ScaleShape.FiguresPerClaim);
            for (var f = 0; f < ScaleShape.FiguresPerClaim; f++)
            {
                var metric = Metrics[(baseMetric + f) % Metrics.Count];
                var figure = Figure(random, metric, place, published);
                figures.Add(figure);
                words.Add((figure.AsWritten, (metric.Id - 1) % NewsroomText.Quantities.Length));
            }

            var speaker = random.Next(3) == 0 && source.Alias is not null ? source.Alias : source.Name;
            var sentence = NewsroomText.ClaimSentence(random, speaker, words, place);
            text.Append("\n\n");
            var start = text.Length;
            text.Append(sentence).Append(' ').Append(NewsroomText.Filler(random)).Append(' ').Append(NewsroomText.Filler(random));
            var relayed = random.Next(10) == 0 ? Outlets[random.Next(Outlets.Count)].Id : (int?)null;
            var about = NewsroomText.Quantities[(figures[0].MetricId - 1) % NewsroomText.Quantities.Length].Name.ToLowerInvariant();
            claims.Add(new GeneratedClaim(source.Id, relayed, $"{source.Name} on {about} in {place}", start, sentence.Length, figures));
        }

        text.Append("\n\n").Append(NewsroomText.Filler(random));
        return new GeneratedReport(
            number,
            NewsroomText.Title(random, NewsroomText.Quantities[quantity].Noun, place),
            outlet.Id,
            NewsroomText.PersonName(random),
            published,
            $"https://news.example.org/{published:yyyy/MM/dd}/{number}",
            text.ToString(),
            claims);
    }

    /// <summary>A stable seed per report (SplitMix64's finaliser over the data seed and the number).</summary>
    private static int ReportSeed(int dataSeed, int number)
    {
        var mixed = unchecked(((ulong)(uint)dataSeed << 32) | (uint)number);
        mixed = unchecked((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL);
        mixed = unchecked((mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL);
        mixed ^= mixed >> 31;
        return (int)(mixed & int.MaxValue);
    }

    private GeneratedFigure Figure(Random random, GeneratedMetric metric, string place, DateOnly published)
    {
        var day = published.DayNumber - FirstDay.DayNumber;
        // Grows a tenth of a per cent a day, ±4 % between sources, 3 % outliers (tripled).
        var value = Math.Max(1, Math.Round(metric.Baseline * (1 + day / 1000m) * (0.96m + (decimal)random.NextDouble() * 0.08m)));
        if (random.Next(100) < 3)
        {
            value *= 3;
        }

        var qualifier = Qualifiers[random.Next(Qualifiers.Length)];
        decimal? high = qualifier == Qualifier.Range ? Math.Round(value * 1.2m) : null;
        var time = random.Next(7) == 0
            ? TimeReference.Period(published.AddDays(-7), published.AddDays(-1), "last week")
            : TimeReference.AsOf(published.AddDays(-random.Next(3)));
        return new GeneratedFigure(metric.Id, place, NewsroomText.AsWritten(qualifier, value, high), qualifier, value, high,
            IntervalRules.ToInterval(qualifier, value, high, normalisation), time);
    }

    private static List<GeneratedSource> GenerateSources(ScaleShape shape, Random random)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var aliasKeys = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<GeneratedSource>(shape.Sources);
        for (var i = 0; i < shape.Sources; i++)
        {
            var kind = i < shape.Outlets ? SourceKind.Outlet : random.Next(5) < 3 ? SourceKind.Person : SourceKind.Organisation;
            var place = NewsroomText.Places[random.Next(NewsroomText.Places.Length)];
            var name = kind switch
            {
                SourceKind.Outlet => NewsroomText.OutletName(random),
                SourceKind.Person => NewsroomText.PersonName(random),
                _ => NewsroomText.OrganisationName(random),
            };
            for (var n = 2; !names.Add(name); n++)
            {
                name = kind == SourceKind.Person ? $"{name.Split(' ')[0]} {(char)('A' + random.Next(26))}. {name.Split(' ')[^1]}" : $"{name} {n}";
            }

            string? alias = null;
            if (random.Next(3) == 0)
            {
                var candidate = NewsroomText.AliasOf(name, kind == SourceKind.Person);
                var key = NameKey.From(candidate);
                if (key.Length > 1 && key != NameKey.From(name) && aliasKeys.Add(key))
                {
                    alias = candidate;
                }
            }

            var description = kind == SourceKind.Person ? NewsroomText.PersonDescription(random, place) : null;
            sources.Add(new GeneratedSource(i + 1, name, kind, description, alias));
        }

        return sources;
    }

    private static List<GeneratedMetric> GenerateMetrics(ScaleShape shape, Random random)
    {
        var metrics = new List<GeneratedMetric>(shape.Metrics);
        var quantities = NewsroomText.Quantities.Length;
        var places = NewsroomText.Places.Length;
        decimal wholeBaseline = 0;
        for (var i = 0; i < shape.Metrics; i++)
        {
            var (name, _, _) = NewsroomText.Quantities[i % quantities];
            var round = i / (quantities * places);
            var fullName = $"{name}, {NewsroomText.Places[i / quantities % places]} front" + (round > 0 ? $" ({round + 1})" : string.Empty);
            var isWhole = i % 10 == 0 && i + 2 < shape.Metrics;
            var partOf = i % 10 is 1 or 2 && i - (i % 10) + 2 < shape.Metrics;
            decimal baseline;
            if (isWhole)
            {
                wholeBaseline = 100 + random.Next(20_000);
                baseline = wholeBaseline;
            }
            else
            {
                baseline = partOf ? Math.Round(wholeBaseline * (i % 10 == 1 ? 0.3m : 0.7m)) : 50 + random.Next(20_000);
            }

            metrics.Add(new GeneratedMetric(i + 1, $"scale-{i + 1:D5}", fullName, baseline, isWhole ? [i + 2, i + 3] : []));
        }

        return metrics;
    }
}
