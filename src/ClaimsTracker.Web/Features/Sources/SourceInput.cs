using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Web.Features.Sources;

/// <summary>A source as an editor types it; everything is checked by <see cref="SourceEditor"/>.</summary>
public sealed record SourceInput
{
    public string? Name { get; set; }
    public SourceKind Kind { get; set; } = SourceKind.Person;
    public string? Affiliation { get; set; }
    public string? Description { get; set; }

    /// <summary>The complete list of other names: an edit replaces the stored aliases with these.</summary>
    public List<string> Aliases { get; set; } = [];

    public SourceDetails Details() => new() { Name = Name, Kind = Kind, Affiliation = Affiliation, Description = Description, Aliases = Aliases };
}

/// <summary>
/// Two sources to become one. The versions are those the editor saw in the preview, so a merge
/// decided on a stale view is refused.
/// </summary>
public sealed record MergeRequest(int SurvivorId, uint SurvivorVersion, int MergedId, uint MergedVersion);

/// <summary>What a merge would move, shown before the editor confirms.</summary>
public sealed record MergePreview(
    int SurvivorId, string SurvivorName, uint SurvivorVersion,
    int MergedId, string MergedName, uint MergedVersion,
    int Claims, int RelayedClaims, int ReportsAsOutlet, IReadOnlyList<string> AliasesGained);

public sealed record SourceOption(int Id, string Name);

public sealed record SourceSaved(int SourceId);
