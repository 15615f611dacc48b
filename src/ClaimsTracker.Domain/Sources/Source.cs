using ClaimsTracker.Domain.Claims;
using ClaimsTracker.Domain.Common;
using ClaimsTracker.Domain.Reports;

namespace ClaimsTracker.Domain.Sources;

/// <summary>Who a statement comes from: a person, an agency, an outlet or an unnamed official.</summary>
public class Source : IVersioned
{
    public int Id { get; set; }
    /// <summary>Stored cleaned (<see cref="NameKey.Clean"/>), whoever sets it: form, import or merge.</summary>
    public required string Name
    {
        get => name;
        set => name = NameKey.Clean(value);
    }
    public SourceKind Kind { get; set; }

    /// <summary>Country or side the source speaks for, e.g. "Ukraine", "United States".</summary>
    public string? Affiliation { get; set; }

    public string? Description { get; set; }

    /// <summary>Other spellings and names (Zelenskyy, SSU, Security Service of Ukraine).</summary>
    public List<SourceAlias> Aliases { get; set; } = [];

    public uint Version { get; set; }

    private string name = string.Empty;

    /// <summary>Adds an alias unless the name or an existing alias already matches it.</summary>
    public bool AddAlias(string alias)
    {
        var key = NameKey.From(alias);
        if (key.Length == 0 || NameKey.From(Name) == key || Aliases.Any(a => a.NameKey == key))
        {
            return false;
        }

        Aliases.Add(new SourceAlias { Name = NameKey.Clean(alias), NameKey = key });
        return true;
    }

    /// <summary>True when <paramref name="name"/> is this source's name or one of its aliases.</summary>
    public bool IsKnownAs(string name)
    {
        var key = NameKey.From(name);
        return NameKey.From(Name) == key || Aliases.Any(a => a.NameKey == key);
    }

    /// <summary>
    /// Applies edited fields and replaces the aliases with <see cref="SourceDetails.Aliases"/>.
    /// Returns the aliases no longer wanted (to delete) and the spellings added; nothing changes
    /// when a rule is broken. Whether another source already answers to a name is the caller's
    /// question: it needs the whole directory.
    /// </summary>
    public Result<(IReadOnlyList<SourceAlias> Removed, IReadOnlyList<string> Added)> Update(SourceDetails details)
    {
        var errors = Check(details);
        if (!errors.IsEmpty)
        {
            return Result.Invalid(errors.ToDictionary());
        }

        Name = details.Name!.Trim();
        Kind = details.Kind;
        Affiliation = string.IsNullOrWhiteSpace(details.Affiliation) ? null : details.Affiliation.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();

        var wanted = WantedAliases(details).ToDictionary(NameKey.From);
        var removed = new List<SourceAlias>();
        foreach (var alias in Aliases.ToList())
        {
            if (wanted.Remove(alias.NameKey, out var spelling))
            {
                alias.Name = spelling;
            }
            else
            {
                Aliases.Remove(alias);
                removed.Add(alias);
            }
        }

        var added = wanted.Values.Where(AddAlias).ToList();
        return (removed, added);
    }

    /// <summary>A new source from checked details, or the fields that break a rule.</summary>
    public static Result<Source> Create(SourceDetails details)
    {
        var source = new Source { Name = string.Empty };
        var applied = source.Update(details);
        return applied.Failure is { } failure ? failure : source;
    }

    /// <summary>
    /// Makes <paramref name="merged"/> part of this source: its claims (as source and as relay) and
    /// the reports it published move here, its aliases move (those this source already answers to
    /// are dropped; the caller deletes them), its name becomes an alias, and empty affiliation or
    /// description is filled from it. The caller then deletes <paramref name="merged"/>.
    /// </summary>
    public Result<SourceMerge> Merge(Source merged, IEnumerable<Claim> claims, IEnumerable<Report> reports)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(reports);
        if (ReferenceEquals(merged, this) || (Id != 0 && merged.Id == Id))
        {
            return Result.Invalid("MergedId", "A source cannot be merged into itself; choose another source.");
        }

        var (asSource, asRelay) = (0, 0);
        foreach (var claim in claims.Where(c => c.SourceId == merged.Id || c.RelayedViaId == merged.Id))
        {
            if (claim.SourceId == merged.Id)
            {
                (claim.SourceId, claim.Source) = (Id, this);
                asSource++;
            }

            if (claim.RelayedViaId == merged.Id)
            {
                (claim.RelayedViaId, claim.RelayedVia) = (Id, this);
                asRelay++;
            }

            // "Zelensky via Zelensky" says nothing: a source does not relay itself.
            if (claim.RelayedViaId == claim.SourceId)
            {
                (claim.RelayedViaId, claim.RelayedVia) = (null, null);
            }
        }

        var published = 0;
        foreach (var report in reports.Where(r => r.OutletId == merged.Id))
        {
            (report.OutletId, report.Outlet) = (Id, this);
            published++;
        }

        // Alias rows move rather than being copied: a folded name belongs to one source only.
        var dropped = new List<SourceAlias>();
        foreach (var alias in merged.Aliases.ToList())
        {
            merged.Aliases.Remove(alias);
            if (IsKnownAs(alias.Name))
            {
                dropped.Add(alias);
            }
            else
            {
                Aliases.Add(alias);
            }
        }

        AddAlias(merged.Name);
        Affiliation ??= merged.Affiliation;
        Description ??= merged.Description;
        return new SourceMerge(asSource, asRelay, published, dropped);
    }

    /// <summary>Every rule a source's own fields keep, by field name (Name, Kind, Affiliation, Description, Aliases).</summary>
    public static FieldErrors Check(SourceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new FieldErrors();
        if (NameKey.From(details.Name).Length == 0)
        {
            errors.Add(nameof(details.Name), "A name is required.");
        }
        else
        {
            errors.Optional(nameof(details.Name), details.Name, Limits.Name, $"The name is limited to {Limits.Name} characters.");
        }

        if (!Enum.IsDefined(details.Kind))
        {
            errors.Add(nameof(details.Kind), "Choose what kind of source this is.");
        }

        errors.Optional(nameof(details.Affiliation), details.Affiliation, Limits.Name, $"The affiliation is limited to {Limits.Name} characters.");
        errors.Optional(nameof(details.Description), details.Description, Limits.Summary, $"The description is limited to {Limits.Summary:N0} characters.");
        foreach (var alias in details.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()))
        {
            if (alias.Length > Limits.Name)
            {
                errors.Add(nameof(details.Aliases), $"“{alias[..20]}…” is longer than {Limits.Name} characters.");
            }
            else if (NameKey.From(alias).Length == 0)
            {
                errors.Add(nameof(details.Aliases), $"“{alias}” has no letters or digits to look it up by.");
            }
        }

        return errors;
    }

    /// <summary>The typed aliases, trimmed, one per folded spelling, without the source's own name.</summary>
    public static IReadOnlyList<string> WantedAliases(SourceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var nameKey = NameKey.From(details.Name);
        return details.Aliases
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a.Trim())
            .DistinctBy(NameKey.From)
            .Where(a => NameKey.From(a) != nameKey)
            .ToList();
    }
}
