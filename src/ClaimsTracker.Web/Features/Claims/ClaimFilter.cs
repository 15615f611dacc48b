using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Web.Features.Claims;

/// <summary>What the claims explorer shows; every field round-trips through the page's URL.</summary>
public sealed record ClaimFilter
{
    /// <summary>A source's name or any alias, in part ("zelenskyy" finds Zelensky).</summary>
    public string? Source { get; init; }
    public int? OutletId { get; init; }
    public int? MetricId { get; init; }
    public FigureKind? Kind { get; init; }

    /// <summary>Reports published on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Reports published on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only claims with a figure in an open conflict (true) or in none (false).</summary>
    public bool? HasConflict { get; init; }
}
