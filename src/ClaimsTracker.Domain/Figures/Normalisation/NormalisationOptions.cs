namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>
/// How wide the hedges are. Configuration, not constants: bound from the "Normalisation"
/// section of appsettings.json. docs/qualifier-vocabulary.md shows the table.
/// </summary>
public sealed class NormalisationOptions
{
    /// <summary>"about 1,000" spans 1,000 ± this fraction.</summary>
    public decimal ApproximateTolerance { get; set; } = 0.10m;

    /// <summary>"nearly 1,000" spans from 1,000 less this fraction up to 1,000.</summary>
    public decimal NearlyTolerance { get; set; } = 0.10m;

    /// <summary>
    /// "as many as 4,000" is a claim that the number is high: it spans from 4,000 less this
    /// fraction up to 4,000, rather than from zero (which would agree with everything).
    /// </summary>
    public decimal UpToTolerance { get; set; } = 0.25m;

    /// <summary>What "dozens", "several hundred" and other vague amounts are read as at least.</summary>
    public VagueFloorOptions VagueFloors { get; set; } = new();
}
