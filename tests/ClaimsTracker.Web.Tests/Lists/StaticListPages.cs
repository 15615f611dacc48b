using System.Net;
using System.Text.RegularExpressions;

namespace ClaimsTracker.Web.Tests.Lists;

/// <summary>
/// Reading a list rendered without a circuit (explorer, reports, sources) as a browser would: the ids its
/// rows link to, and the pages its "next" links lead through.
/// </summary>
internal static partial class StaticListPages
{
    /// <summary>The ids of the rows' links to <c>/{detail}/{id}</c>, in page order.</summary>
    public static List<string> RowIds(string html, string detail) =>
        [.. Regex.Matches(html, $"href=\"/{detail}/(?<id>[0-9]+)\"").Select(m => m.Groups["id"].Value)];

    /// <summary>The address of the page's "next" link, or null on the last page.</summary>
    public static string? NextHref(string html) =>
        NextLink().Match(html) is { Success: true } next ? WebUtility.HtmlDecode(next.Groups["href"].Value) : null;

    /// <summary>Every page from <paramref name="first"/> on, following "next" links: each page's row ids.</summary>
    public static async Task<List<List<string>>> WalkAsync(HttpClient client, string first, string detail)
    {
        var pages = new List<List<string>>();
        for (var path = first; path is not null;)
        {
            var html = await client.GetStringAsync(path);
            pages.Add(RowIds(html, detail));
            path = NextHref(html);
            Assert.True(pages.Count < 200, "the next links never ended");
        }

        return pages;
    }

    [GeneratedRegex("<a href=\"(?<href>/[a-z]+\\?[^\"]+)\"[^>]*data-testid=\"next-page\"")]
    private static partial Regex NextLink();
}
