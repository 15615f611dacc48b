using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClaimsTracker.Data.Sources;

/// <summary>Finds sources by any of their names, so "Zelenskyy" and "SSU" reach the one source each.</summary>
public static class SourceDirectory
{
    /// <summary>The tracked source known by <paramref name="name"/> (its name or an alias), or null.</summary>
    public static async Task<Source?> FindAsync(ClaimsDbContext db, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = NameKey.From(name);
        if (key.Length == 0)
        {
            return null;
        }

        // ILIKE compares case-insensitively in PostgreSQL; its wildcards are escaped so the name matches only itself.
        var pattern = Regex.Replace(NameKey.Clean(name), @"[\\%_]", @"\$0");
        var candidates = await db.Sources.Include(s => s.Aliases)
            .Where(s => s.Aliases.Any(a => a.NameKey == key) || EF.Functions.ILike(s.Name, pattern))
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(s => s.IsKnownAs(name));
    }

    /// <summary>The source known by <paramref name="name"/>, or a new one of <paramref name="kind"/> added to the context.</summary>
    public static async Task<Source> FindOrAddAsync(ClaimsDbContext db, string name, SourceKind kind, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(db, name, cancellationToken) is { } existing)
        {
            return existing;
        }

        // Added earlier in the same unit of work (a claim whose relay has its source's name) and not saved yet.
        if (db.Sources.Local.FirstOrDefault(s => s.Id == 0 && s.IsKnownAs(name)) is { } pending)
        {
            return pending;
        }

        var source = new Source { Name = name, Kind = kind };
        db.Sources.Add(source);
        return source;
    }
}
