namespace ClaimsTracker.Domain.Conflicts;

/// <summary>Why a reviewer found flagged figures compatible after all.</summary>
public enum DismissalReason
{
    /// <summary>They describe different places or units ("Kursk region" against the whole front).</summary>
    DifferentScope,
    /// <summary>They describe different times or periods (a running total against one week).</summary>
    DifferentPeriod,
    /// <summary>They count different things ("casualties" meaning dead only, or dead and wounded).</summary>
    DifferentDefinition,
    Other,
}
