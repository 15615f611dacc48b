namespace ClaimsTracker.Domain.Figures;

/// <summary>A reviewer's judgement of a figure, after Wikidata's statement ranks.</summary>
public enum FigureRank
{
    Normal,
    Preferred,
    Deprecated,
}
