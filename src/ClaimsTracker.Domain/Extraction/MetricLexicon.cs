namespace ClaimsTracker.Domain.Extraction;

/// <summary>
/// Words news use interchangeably for one quantity or one kind of event, so that a metric named
/// "Money spent on the campaign" is found in "spending stayed under the cap", and "Deaths in the
/// earthquake" in a report that only says "quake". Words are compared by <see cref="MetricSuggester.Stem"/>.
/// Also which name words say what is measured (or who is counted) rather than which story a
/// metric belongs to: only the latter decide whether a metric is on the article's topic.
/// </summary>
internal static class MetricLexicon
{
    // What is measured: a metric's name word matches any word of its group.
    private static readonly string[][] QuantityGroups =
    [
        ["spend", "spends", "spent", "spending", "expenditure", "outlay", "outlays"],
        ["cost", "costs", "costing", "bill"],
        ["price", "prices", "priced", "sells", "selling", "retail", "costs"],
        ["sold", "sales", "shipped", "shipments", "delivered", "deliveries", "units"],
        ["revenue", "revenues", "turnover", "takings", "gross", "grossed", "sales"],
        ["profit", "profits", "earnings"],
        ["wage", "wages", "pay", "paid", "salary", "salaries", "earn", "earns", "earning", "income"],
        ["average", "median", "typical", "mean"],
        ["deficit", "shortfall", "gap"],
        ["budget", "budgets", "allocation", "allocated", "appropriation"],
        ["fraud", "defrauded", "swindled", "scam", "scammed", "siphoned", "siphoning", "embezzled", "embezzlement", "stolen", "stole", "diverted", "misappropriated", "laundered", "laundering", "lost"],
        ["victim", "victims", "defrauded", "scammed"],
        ["repaid", "repay", "repayment", "restitution", "refund", "refunded", "compensation", "recovered", "returned"],
        ["damages", "compensation", "underpaid", "underpaying", "owed", "arrears"],
        ["seized", "seizure", "haul", "confiscated", "intercepted"],
        ["arriving", "arrive", "arrived", "arrival", "arrivals", "crossed", "crossing", "crossings", "landed", "landings"],
        ["application", "applications", "applied", "claims", "requests", "applicants", "lodged"],
        ["deported", "deportation", "deportations", "expelled", "removals"],
        ["seat", "seats", "mandates"],
        ["won", "win", "wins", "winning", "took", "secured", "clinched"],
        ["ballot", "ballots", "cast"],
        ["margin", "majority", "lead"],
        ["support", "backing", "favour", "favor"],
        ["cases", "case", "infections", "infected"],
        ["dose", "doses", "vaccines", "jabs", "shots"],
        ["coverage", "vaccinated", "immunised", "immunized", "uptake"],
        ["hospital", "hospitals", "hospitalised", "hospitalized", "admitted", "admissions"],
        ["waiting", "wait", "waits", "backlog", "queue"],
        ["efficacy", "effective", "effectiveness", "prevented", "reduced", "reduction", "protection"],
        ["viewers", "audience", "watched", "viewership", "viewing"],
        ["prize", "purse", "winnings"],
        ["fee", "fees", "transfer"],
        ["destroyed", "razed", "flattened", "gutted"],
        ["power", "electricity", "outage", "outages", "blackout", "blackouts"],
        ["aboard", "carrying", "onboard", "board"],
        ["capacity", "output", "generating"],
        ["rain", "rainfall", "precipitation"],
        ["sentence", "sentenced", "jailed", "prison", "imprisonment"],
        ["abducted", "kidnapped", "hostages", "abduction"],
        ["exchanged", "swapped", "swap", "exchange"],
        ["repatriated", "handed"],
        ["cleared", "deforestation", "clearing", "felled"],
        ["violations", "breaches", "breached", "violated"],
        ["job", "jobs", "posts", "positions", "layoffs", "redundancies", "cuts"],
        ["transit", "transits", "transiting", "passages", "crossings"],
        ["cut", "cuts", "cutting", "axe", "axed", "shed", "shedding", "slash", "layoffs", "redundancies"],
        ["participants", "participation", "participated", "strikers", "striking"],
        ["applicants", "claimants", "plaintiffs"],
        ["rate", "rates"],
        // Kinds of a thing counted: "412,000 pickups" are vehicles, "520,000 hens" animals.
        ["vehicle", "vehicles", "car", "cars", "pickup", "pickups", "truck", "trucks", "lorry", "lorries", "van", "vans", "bus", "buses", "suv", "suvs", "motorcycle", "motorcycles"],
        ["animal", "animals", "bird", "birds", "hen", "hens", "chicken", "chickens", "poultry", "pig", "pigs", "hog", "hogs", "boar", "cattle", "cow", "cows", "sheep", "goat", "goats", "livestock", "duck", "ducks", "turkey", "turkeys"],
    ];

    // What happened where: a topic word of a metric is on the article's topic when any word of its group occurs.
    private static readonly string[][] TopicGroups =
    [
        ["earthquake", "quake", "tremor", "temblor", "seismic", "aftershock"],
        ["flood", "floods", "flooding", "floodwaters", "flooded", "deluge", "inundated"],
        ["storm", "typhoon", "hurricane", "cyclone", "tornado", "gale", "gusts"],
        ["fire", "fires", "wildfire", "wildfires", "blaze", "blazes", "bushfire", "bushfires"],
        ["fighting", "war", "attack", "attacks", "strike", "strikes", "shelling", "bombardment", "missile", "missiles", "airstrike", "offensive", "clashes", "combat", "battle", "assault", "bombing", "hostilities"],
        ["outbreak", "epidemic", "disease", "pandemic", "virus"],
        ["election", "elections", "vote", "votes", "voting", "polls", "ballot", "ballots", "electoral", "referendum", "primary", "party", "parties", "candidate", "candidates", "coalition", "byelection"],
        ["protest", "protests", "demonstration", "demonstrations", "rally", "rallies", "march", "unrest", "riots"],
        ["strike", "walkout", "stoppage"],
        ["crash", "collision", "accident", "derailment", "derailed"],
        ["collapse", "collapsed"],
        ["sinking", "sank", "capsized", "capsizing", "shipwreck"],
        ["company", "firm", "group", "maker", "carmaker", "retailer"],
        ["food", "rice", "bread", "maize", "flour", "wheat", "sugar", "staple", "cooking", "grocery", "groceries", "meat", "milk", "eggs", "vegetables", "beans"],
        ["fuel", "petrol", "diesel", "gasoline", "kerosene"],
        ["aid", "humanitarian", "relief", "convoy", "convoys", "assistance"],
        ["government", "state", "treasury", "ministry"],
    ];

    // A broad word is on topic wherever a narrower one is ("the disaster" in a report of a flood), not the other way round.
    private static readonly (string Broad, string[] Narrower)[] BroadTopics =
    [
        ("disaster", ["disaster", "disasters", "earthquake", "quake", "flood", "floods", "flooding", "storm", "typhoon", "hurricane", "cyclone", "landslide", "landslides", "wildfire", "wildfires", "fire", "eruption", "tsunami", "drought"]),
        ("fighting", ["fighting", "war", "attack", "attacks", "strike", "strikes", "shelling", "bombardment", "missile", "missiles", "airstrike", "offensive", "clashes", "combat", "battle", "assault", "bombing", "hostilities", "drone", "drones", "rocket", "rockets", "artillery", "bomb", "bombs", "bombed", "shelled", "gunfire", "ambush"]),
    ];

    // Who is counted, or how: never what story a metric belongs to.
    private static readonly HashSet<string> NotTopic = new(StringComparer.Ordinal)
    {
        "share", "value", "amount", "money", "figure", "count", "level", "change", "estimated", "projected", "planned", "recorded",
        "reported", "statutory", "annual", "total", "sum", "held", "taken", "side", "left", "part", "whole", "cheapest", "adult",
        "single", "largest", "peak", "new", "home", "homes", "house", "houses", "household", "households", "building", "buildings",
        "percentage", "percent", "proportion", "target", "group", "alive", "still", "overall", "current", "currently", "previous",
        "year", "years", "country", "national", "local", "public", "retail", "typical", "minimum", "maximum", "median",
    };

    private static readonly Dictionary<string, HashSet<string>> QuantitySynonyms = Index(QuantityGroups);
    private static readonly Dictionary<string, HashSet<string>> TopicSynonyms = WithBroad(Index(TopicGroups));
    private static readonly HashSet<string> QuantityStems = QuantityGroups.SelectMany(g => g).Select(MetricSuggester.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Stems that mean what <paramref name="stem"/> means when a quantity is named; empty when none are listed.</summary>
    public static IReadOnlySet<string> SynonymsOf(string stem) =>
        QuantitySynonyms.TryGetValue(stem, out var synonyms) ? synonyms : Empty;

    /// <summary>Stems of words that put an article on the same topic as <paramref name="stem"/> (itself included).</summary>
    public static IReadOnlySet<string> TopicStemsOf(string stem) =>
        TopicSynonyms.TryGetValue(stem, out var synonyms) ? synonyms : new HashSet<string>(StringComparer.Ordinal) { stem };

    /// <summary>
    /// Whether a name word can tell which story a metric belongs to: not a measure ("share",
    /// "spending"), not who is counted ("civilians", "voters"), not a participle ("diverted").
    /// </summary>
    public static bool CanBeTopic(string word)
    {
        var stem = MetricSuggester.Stem(word);
        if (NotTopic.Contains(word) || NotTopic.Contains(stem) || MetricSuggester.IsPeopleWord(stem) || (QuantityStems.Contains(stem) && !TopicSynonyms.ContainsKey(stem)))
        {
            return false;
        }

        // "won", "taken" are caught above; regular participles by their ending.
        return !(word.Length > 5 && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal)) && !TopicSynonyms.ContainsKey(stem));
    }

    private static readonly HashSet<string> Empty = new(StringComparer.Ordinal);

    private static Dictionary<string, HashSet<string>> WithBroad(Dictionary<string, HashSet<string>> index)
    {
        foreach (var (broad, narrower) in BroadTopics)
        {
            var stem = MetricSuggester.Stem(broad);
            if (!index.TryGetValue(stem, out var set))
            {
                index[stem] = set = new HashSet<string>(StringComparer.Ordinal) { stem };
            }

            set.UnionWith(narrower.Select(MetricSuggester.Stem));
        }

        return index;
    }

    private static Dictionary<string, HashSet<string>> Index(string[][] groups)
    {
        var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var stems = group.Select(MetricSuggester.Stem).ToList();
            foreach (var stem in stems)
            {
                if (!index.TryGetValue(stem, out var set))
                {
                    index[stem] = set = new HashSet<string>(StringComparer.Ordinal) { stem };
                }

                set.UnionWith(stems);
            }
        }

        return index;
    }
}
