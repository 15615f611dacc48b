namespace ClaimsTracker.Domain.Sources;

public class SourceAlias
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public required string Name { get; set; }

    /// <summary>The name folded by <see cref="Sources.NameKey"/>; what look-ups compare.</summary>
    public required string NameKey { get; set; }
}
