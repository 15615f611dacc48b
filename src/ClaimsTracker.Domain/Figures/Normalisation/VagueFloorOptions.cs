namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>
/// The conservative floor a vague amount is read as, after ACLED's rule of coding the most
/// conservative estimate ("tens" = 10, "dozens" = 12, "hundreds" = 100). Compounds multiply:
/// "several hundred" = <see cref="Several"/> × 100, "tens of thousands" = <see cref="Tens"/> × 1,000.
/// docs/qualifier-vocabulary.md has the table.
/// </summary>
public sealed class VagueFloorOptions
{
    /// <summary>"a few", and the "a few" in "a few hundred".</summary>
    public decimal Few { get; set; } = 3m;

    /// <summary>"several", and the "several" in "several thousand".</summary>
    public decimal Several { get; set; } = 3m;

    /// <summary>"tens of …".</summary>
    public decimal Tens { get; set; } = 10m;

    /// <summary>"dozens": ACLED codes 12.</summary>
    public decimal Dozens { get; set; } = 12m;

    /// <summary>"scores of": one score, as "dozens" is one dozen.</summary>
    public decimal Scores { get; set; } = 20m;

    /// <summary>"hundreds": ACLED codes 100.</summary>
    public decimal Hundreds { get; set; } = 100m;

    public decimal Thousands { get; set; } = 1_000m;

    public decimal Millions { get; set; } = 1_000_000m;

    public decimal Billions { get; set; } = 1_000_000_000m;
}
