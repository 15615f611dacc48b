using System.Globalization;

namespace ClaimsTracker.Data.Import;

/// <summary>
/// Reads plain-text articles: a header of "Field: value" lines (Title, Outlet, Date, and
/// optionally URL, Authors, Language), a blank line, then the text. A file whose header is
/// incomplete or wrong becomes a failed item naming the file and the field.
/// </summary>
public static class TextFolderImportReader
{
    private static readonly string[] Known = ["Title", "Outlet", "Date", "URL", "Authors", "Language"];

    /// <summary>Every .txt file directly in <paramref name="folder"/>, in name order.</summary>
    public static async Task<ImportReadResult> ReadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            return ImportReadResult.Unreadable($"{folder}: no such folder.");
        }

        var files = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return ImportReadResult.Unreadable($"{folder}: no .txt files.");
        }

        var items = new List<ImportItem>(files.Count);
        foreach (var file in files)
        {
            items.Add(Read(Path.GetFileName(file), await File.ReadAllTextAsync(file, cancellationToken)));
        }

        return new ImportReadResult(items);
    }

    /// <summary>One article; <paramref name="fileName"/> labels it in the results.</summary>
    public static ImportItem Read(string fileName, string content)
    {
        var lines = content.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var line = 0;
        for (; line < lines.Length && !string.IsNullOrWhiteSpace(lines[line]); line++)
        {
            var colon = lines[line].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return Fail($"line {line + 1} is not a 'Field: value' header line (the header ends at the first blank line)");
            }

            var name = lines[line][..colon].Trim();
            var field = Known.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                return Fail($"unknown header field '{name}' on line {line + 1} (expected {string.Join(", ", Known)})");
            }

            if (!fields.TryAdd(field, lines[line][(colon + 1)..].Trim()))
            {
                return Fail($"header field {field} is given twice");
            }
        }

        foreach (var required in Known[..3])
        {
            if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault(required)))
            {
                return Fail($"header field {required} is missing");
            }
        }

        if (!DateOnly.TryParseExact(fields["Date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Fail($"header field Date '{fields["Date"]}' is not a date like 2025-01-12");
        }

        var url = fields.GetValueOrDefault("URL");
        if (!string.IsNullOrEmpty(url) && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            return Fail($"header field URL '{url}' is not an absolute http(s) address");
        }

        var text = string.Join('\n', lines.Skip(line + 1)).Trim();
        if (text.Length == 0)
        {
            return Fail("there is no text after the header and its blank line");
        }

        var authors = fields.GetValueOrDefault("Authors")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var language = fields.GetValueOrDefault("Language");
        return new ImportItem(fileName, new ReportRecord(
            Title: fields["Title"],
            Outlet: fields["Outlet"],
            PublishedOn: date,
            Text: text,
            Url: string.IsNullOrEmpty(url) ? null : url,
            Authors: authors is { Count: > 0 } ? authors : null,
            Language: string.IsNullOrEmpty(language) ? null : language));

        ImportItem Fail(string problem) => ImportItem.Invalid(fileName, $"{fileName}: {problem}", fields.GetValueOrDefault("Title"));
    }
}
