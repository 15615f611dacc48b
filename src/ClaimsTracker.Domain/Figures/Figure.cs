using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Figures.Normalisation;
using ClaimsTracker.Domain.Metrics;

namespace ClaimsTracker.Domain.Figures;

/// <summary>A typed value carried by a claim: what was written and what it normalises to.</summary>
public class Figure : IVersioned
{
    private string scope = string.Empty;

    public int Id { get; set; }

    public int ClaimId { get; set; }
    public Claim? Claim { get; set; }

    public int MetricId { get; set; }
    public Metric? Metric { get; set; }

    public FigureKind Kind { get; set; }

    /// <summary>Where it applies, e.g. "Kursk region"; compared by <see cref="ScopeKey"/>.</summary>
    public string Scope
    {
        get => scope;
        set => (scope, ScopeKey) = (value, Sources.NameKey.From(value));
    }

    /// <summary>
    /// <see cref="Scope"/> folded by <see cref="Sources.NameKey"/>, set with it: detection's place, so "Kursk Region," and
    /// "Kursk region" are one; an incremental run reads a touched place by it on the (MetricId, ScopeKey) index.
    /// </summary>
    public string ScopeKey { get; private set; } = string.Empty;

    /// <summary>The value as the report wrote it: "as many as 4,000".</summary>
    public required string AsWritten { get; set; }

    public Qualifier Qualifier { get; set; }

    /// <summary>Normalised from <see cref="AsWritten"/> and <see cref="Qualifier"/>.</summary>
    public decimal? Low { get; set; }
    public decimal? Best { get; set; }
    public decimal? High { get; set; }

    public string? Unit { get; set; }

    public TimeReference Time { get; set; } = TimeReference.Unknown;

    /// <summary>A reviewer's ranking after a decided conflict; changed only through <see cref="SetRank"/>.</summary>
    public FigureRank Rank { get; private set; }
    public string? RankReason { get; private set; }

    public uint Version { get; set; }

    public ValueInterval Interval
    {
        get => new(Low, Best, High);
        set => (Low, Best, High) = (value.Low, value.Best, value.High);
    }

    /// <summary>
    /// Ranks the figure (Wikidata-style) with the reason a reader will see, cut to what the column
    /// holds; a normal rank carries no reason.
    /// </summary>
    public void SetRank(FigureRank rank, string? reason)
    {
        Rank = rank;
        reason = rank == FigureRank.Normal || string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        RankReason = reason is { Length: > Limits.Rationale } ? reason[..Limits.Rationale] : reason;
    }

    /// <summary>A figure on <paramref name="metric"/>, or the fields that break a rule.</summary>
    public static Result<Figure> Create(Metric metric, FigureValue value, NormalisationOptions options)
    {
        var figure = new Figure { AsWritten = string.Empty };
        var applied = figure.Update(metric, value, options);
        return applied.Failure is { } failure ? failure : figure;
    }

    /// <summary>
    /// Re-states the figure: the metric decides kind and unit, the qualifier and number (or the
    /// day, for a date metric) decide the interval. Nothing changes when a rule is broken.
    /// </summary>
    public Result Update(Metric metric, FigureValue value, NormalisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(value);
        var errors = Check(metric, value, options, out var interval);
        if (!errors.IsEmpty)
        {
            return errors.ToResult();
        }

        MetricId = metric.Id;
        if (metric.Id == 0)
        {
            // A metric not stored yet has no id to point at: link the object itself.
            Metric = metric;
        }

        Kind = metric.Kind;
        Unit = metric.Unit;
        AsWritten = value.AsWritten!.Trim();
        Qualifier = value.Qualifier;
        Scope = value.Scope?.Trim() ?? string.Empty;
        Interval = interval;
        Time = value.TimeKind switch
        {
            TimeReferenceKind.AsOf => TimeReference.AsOf(value.TimeEnd!.Value, value.TimeAsWritten),
            TimeReferenceKind.Period => TimeReference.Period(value.TimeStart!.Value, value.TimeEnd!.Value, value.TimeAsWritten),
            _ => TimeReference.Unknown with { AsWritten = value.TimeAsWritten },
        };
        return Result.Success();
    }

    /// <summary>
    /// Every rule a figure keeps, by field (AsWritten, Value, Date, Qualifier, Scope, Time). A date
    /// metric's figure is a day; any other is a number, never negative, read through its qualifier.
    /// </summary>
    public static FieldErrors Check(Metric metric, FigureValue value, NormalisationOptions options) =>
        Check(metric, value, options, out _);

    private static FieldErrors Check(Metric metric, FigureValue value, NormalisationOptions options, out ValueInterval interval)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        interval = default;
        var errors = new FieldErrors();
        errors.Required(nameof(FigureValue.AsWritten), value.AsWritten, Limits.AsWritten,
            $"Give the value as written (up to {Limits.AsWritten} characters).", $"The value as written is limited to {Limits.AsWritten} characters.");
        errors.Optional(nameof(FigureValue.Scope), value.Scope, Limits.Scope, $"The scope is limited to {Limits.Scope} characters.");
        if (!Enum.IsDefined(value.Qualifier))
        {
            errors.Add(nameof(FigureValue.Qualifier), $"{value.Qualifier} is not a qualifier.");
        }

        CheckTime(errors, value);
        if (metric.Kind == FigureKind.Date)
        {
            if (value.Day is not { } day)
            {
                errors.Add("Date", "Give the date.");
            }
            else
            {
                interval = ValueInterval.Exactly(day.DayNumber);
            }

            return errors;
        }

        if (value.Value is not { } number)
        {
            errors.Add(nameof(FigureValue.Value), "Give the number.");
            return errors;
        }

        if (number < 0 || value.ValueHigh is < 0)
        {
            errors.Add(nameof(FigureValue.Value), "A figure cannot be negative.");
        }
        else if (value.Qualifier == Qualifier.Range && (value.ValueHigh is not { } high || high < number))
        {
            errors.Add(nameof(FigureValue.Value), "A range needs an upper number at least as large as the lower.");
        }
        else if (Enum.IsDefined(value.Qualifier))
        {
            try
            {
                interval = IntervalRules.ToInterval(value.Qualifier, number, value.ValueHigh, options);
            }
            catch (OverflowException)
            {
                errors.Add(nameof(FigureValue.Value), "The number is too large.");
            }
        }

        return errors;
    }

    private static void CheckTime(FieldErrors errors, FigureValue value)
    {
        var valid = value.TimeKind switch
        {
            TimeReferenceKind.Unknown => true,
            TimeReferenceKind.AsOf => value.TimeEnd is not null,
            TimeReferenceKind.Period => value.TimeStart is { } start && value.TimeEnd is { } end && start <= end,
            _ => false,
        };
        if (!valid)
        {
            errors.Add("Time", "An as-of time needs its day; a period needs a start no later than its end.");
        }
    }
}
