using ClaimsTracker.Data.Import;

namespace ClaimsTracker.Web.Features.Import;

/// <summary><c>--import &lt;file.json|folder&gt;</c>: imports a JSON file or a folder of .txt articles and prints each result.</summary>
public static class ImportCommand
{
    /// <summary>Returns the process exit code: 0 when every item was added or already present.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string path, TextWriter output, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(path, cancellationToken);
        if (read.Error is not null)
        {
            await output.WriteLineAsync($"Import refused: {read.Error}");
            return 2;
        }

        var importer = services.GetRequiredService<ReportImporter>();
        var progress = new SynchronousProgress(p =>
        {
            if (Line(p) is { } line)
            {
                output.WriteLine(line);
            }
        });
        var summary = await importer.ImportAsync(read.Items, progress, cancellationToken);
        await output.WriteLineAsync($"Imported {path}: {summary}.");
        return summary.Failed == 0 && !summary.Cancelled ? 0 : 1;
    }

    public static async Task<ImportReadResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return await TextFolderImportReader.ReadFolderAsync(path, cancellationToken);
        }

        if (!File.Exists(path))
        {
            return ImportReadResult.Unreadable($"{Path.GetFullPath(path)}: no such file or folder.");
        }

        if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return new ImportReadResult([TextFolderImportReader.Read(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken))]);
        }

        await using var stream = File.OpenRead(path);
        return await JsonImportReader.ReadAsync(stream, Path.GetFileName(path), cancellationToken);
    }

    private static string? Line(ImportProgress progress) => progress.Last is not { } result
        ? null
        : $"[{progress.Done}/{progress.Total}] {Outcome(result.Outcome),-15} {result.Label}{(result.Title is null ? string.Empty : $" “{result.Title}”")}"
            + (result.Message is null ? string.Empty : $": {result.Message}");

    private static string Outcome(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Added => "added",
        ImportOutcome.AlreadyPresent => "already present",
        _ => "FAILED",
    };

    /// <summary>Progress&lt;T&gt; posts to the thread pool, which would print lines out of order.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
