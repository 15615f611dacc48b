namespace ClaimsTracker.Web.Tests.Import;

/// <summary>Invented reports about an invented flood, written for these tests.</summary>
internal static class ImportFixtures
{
    public const string EvacuatedMetric = "test-flood-evacuated";

    /// <summary>Three good reports and, third in the list, one naming a metric nobody defined.</summary>
    public const string ThreeGoodOneBad = """
        {
          "sources": [
            { "name": "Lowmere River Authority", "kind": "Agency", "affiliation": "Lowmere", "aliases": ["LRA"] }
          ],
          "reports": [
            {
              "title": "Lowmere river bursts its banks",
              "outlet": "Valley Courier",
              "publishedOn": "2025-03-02",
              "url": "https://courier.example/lowmere-flood",
              "authors": ["Ada Quill"],
              "text": "Water spilled over the Lowmere embankment overnight. The LRA said about 1,200 people had left their homes by Sunday morning, most of them from the lower town.",
              "claims": [
                {
                  "source": "LRA",
                  "summary": "About 1,200 people evacuated",
                  "quote": "about 1,200 people had left their homes",
                  "figures": [ { "metric": "test-flood-evacuated", "asWritten": "about 1,200" } ]
                }
              ]
            },
            {
              "title": "Schools shut as Lowmere floods",
              "outlet": "Valley Courier",
              "publishedOn": "2025-03-03",
              "url": "https://courier.example/lowmere-schools",
              "text": "All four schools in the lower town stayed closed on Monday while pumps worked through the night."
            },
            {
              "title": "A report nobody can store",
              "outlet": "Lonely Gazette",
              "publishedOn": "2025-03-03",
              "url": "https://lonely.example/bad",
              "text": "The mayor said more than 5,000 sandbags had been filled.",
              "claims": [
                {
                  "source": "Lonely Mayor",
                  "summary": "More than 5,000 sandbags",
                  "quote": "more than 5,000 sandbags",
                  "figures": [ { "metric": "test-sandbags-filled", "asWritten": "more than 5,000" } ]
                }
              ]
            },
            {
              "title": "Volunteers count the cost in Lowmere",
              "outlet": "Hill Post",
              "publishedOn": "2025-03-04",
              "text": "Volunteers in Lowmere said nearly 9,000 residents had been moved to higher ground, far more than officials had admitted.",
              "claims": [
                {
                  "source": "Lowmere volunteers",
                  "summary": "Nearly 9,000 moved",
                  "quote": "nearly 9,000 residents had been moved",
                  "figures": [ { "metric": "test-flood-evacuated", "asWritten": "nearly 9,000", "qualifier": "Nearly", "value": 9000 } ]
                }
              ]
            }
          ]
        }
        """;

    public const string GoodArticle = """
        Title: Ferry service resumes after the storm
        Outlet: Harbour Times
        Date: 2025-02-10
        URL: https://harbour.example/ferry-resumes
        Authors: Ben Ortiz, Cara Lind
        Language: en

        The first ferry since the storm left the harbour at seven on Monday.
        Crews had spent the weekend clearing debris from the slipway.
        """;

    public const string GoodArticleWithoutUrl = """
        Title: Lighthouse keeper retires
        Outlet: Harbour Times
        Date: 2025-02-11

        After thirty years the keeper handed over the keys on Tuesday.
        """;

    public const string ArticleWithoutDate = """
        Title: Undated piece
        Outlet: Harbour Times

        Some text without a date in its header.
        """;

    public const string ArticleWithBadDate = """
        Title: Badly dated piece
        Outlet: Harbour Times
        Date: 10 February 2025

        Some text with a date in the wrong form.
        """;
}
