namespace ClaimsTracker.ScenarioScore;

/// <summary>Where the scenarios live in the repository.</summary>
public static class ScenarioFiles
{
    /// <summary>The scenarios the rules were looked at and refined on.</summary>
    public const string RelativeFolder = "benchmarks/ClaimsTracker.ExtractionScore/scenarios";

    /// <summary>Scenarios written by someone who never saw the rules, frozen before they were first scored: the numbers to trust.</summary>
    public const string HeldOutRelativeFolder = "benchmarks/ClaimsTracker.ExtractionScore/scenarios-heldout";

    /// <summary>The repository root: the nearest folder above the current one (or the binaries) holding the solution.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ClaimsTracker.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("ClaimsTracker.sln not found above the current folder.");
    }

    public static string DefaultFolder() => Path.Combine(RepositoryRoot(), RelativeFolder);

    public static string HeldOutFolder() => Path.Combine(RepositoryRoot(), HeldOutRelativeFolder);
}
