namespace ClaimsTracker.Domain.Common;

/// <summary>
/// An entity people edit. <see cref="Version"/> maps to PostgreSQL's <c>xmin</c> so that a save
/// based on a stale copy fails instead of overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    uint Version { get; set; }
}
