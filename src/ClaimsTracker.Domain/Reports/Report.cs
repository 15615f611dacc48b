using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Reports;

/// <summary>An article as published: where, by whom, when, and its full text.</summary>
public class Report : IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }

    /// <summary>The outlet is a <see cref="Source"/> of kind Outlet, so it can also be a relay.</summary>
    public int OutletId { get; set; }
    public Source? Outlet { get; set; }

    public List<string> Authors { get; set; } = [];

    /// <summary>The publication day in the outlet's own calendar; always known.</summary>
    public DateOnly PublishedOn { get; set; }

    /// <summary>The exact moment with its UTC offset, when the outlet states one.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public string? Url { get; set; }

    /// <summary>BCP 47 language tag of the text, e.g. "en".</summary>
    public string Language { get; set; } = "en";

    public required string Text { get; set; }

    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }

    public List<Claim> Claims { get; set; } = [];

    public uint Version { get; set; }
}
