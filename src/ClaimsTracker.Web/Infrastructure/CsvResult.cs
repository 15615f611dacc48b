using System.Globalization;
using System.Text;

namespace ClaimsTracker.Web.Infrastructure;

/// <summary>
/// Writes rows as CSV while they are read, flushing as it goes, so an export of any size streams.
/// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
/// </summary>
public sealed class CsvResult<T>(IAsyncEnumerable<T> rows, string fileName, IReadOnlyList<(string Header, Func<T, object?> Value)> columns) : IResult
{
    private const int FlushEvery = 500;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(httpContext.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', columns.Select(c => Escape(c.Header))));
        var written = 0;
        await foreach (var row in rows.WithCancellation(httpContext.RequestAborted))
        {
            await writer.WriteLineAsync(string.Join(',', columns.Select(c => Escape(Format(c.Value(row))))));
            if (++written % FlushEvery == 0)
            {
                await writer.FlushAsync(httpContext.RequestAborted);
            }
        }

        await writer.FlushAsync(httpContext.RequestAborted);
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Escape(string value)
    {
        // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
