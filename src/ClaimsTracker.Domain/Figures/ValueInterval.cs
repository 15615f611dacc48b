using System.Globalization;

namespace ClaimsTracker.Domain.Figures;

/// <summary>
/// What a figure says about the true value: it lies in [Low, High] and is most likely Best.
/// A null end is open ("more than 1,000" has no High).
/// </summary>
public readonly record struct ValueInterval(decimal? Low, decimal? Best, decimal? High)
{
    public static ValueInterval Exactly(decimal value) => new(value, value, value);

    public bool IsOpenBelow => Low is null;
    public bool IsOpenAbove => High is null;

    /// <summary>True when some value lies in both intervals (touching ends count).</summary>
    public bool Overlaps(ValueInterval other) =>
        (High is null || other.Low is null || other.Low <= High)
        && (other.High is null || Low is null || Low <= other.High);

    /// <summary>True when <paramref name="value"/> lies inside.</summary>
    public bool Contains(decimal value) => (Low is null || Low <= value) && (High is null || value <= High);

    public override string ToString() => $"[{Low?.ToString(CultureInfo.InvariantCulture) ?? "…"}, {High?.ToString(CultureInfo.InvariantCulture) ?? "…"}] best {Best?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
}
