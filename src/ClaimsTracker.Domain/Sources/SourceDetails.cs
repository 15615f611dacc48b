namespace ClaimsTracker.Domain.Sources;

/// <summary>A source's fields as a writer gives them; <see cref="Aliases"/> is the complete list of other names.</summary>
public sealed record SourceDetails
{
    public string? Name { get; init; }
    public SourceKind Kind { get; init; } = SourceKind.Person;
    public string? Affiliation { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>What a merge moved, for the audit note and the reply.</summary>
public sealed record SourceMerge(int Claims, int RelayedClaims, int Reports, IReadOnlyList<SourceAlias> DroppedAliases);
