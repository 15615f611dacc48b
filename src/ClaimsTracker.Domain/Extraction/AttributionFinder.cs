using System.Text.RegularExpressions;
using ClaimsTracker.Domain.Sources;

namespace ClaimsTracker.Domain.Extraction;

/// <summary>How a name takes part in a statement.</summary>
public enum AttributionRole
{
    /// <summary>Makes the claim: "X said", "according to X", "per X".</summary>
    Source,
    /// <summary>Passes it on: "told X", "via X", "X, citing Y".</summary>
    Relay,
}

/// <summary>A source or relay named in a sentence; offsets are within the sentence.</summary>
public sealed record Attribution(int Start, int End, AttributionRole Role, string Name, int? SourceId, string Evidence, bool IsPerson)
{
    /// <summary>The relay named with this source ("X told AFP"), if any.</summary>
    public Attribution? Relay { get; init; }

    /// <summary>
    /// "the agency's figure of nine", "its estimate of 350 tonnes": the owner of the one figure
    /// written right after it, whoever quotes that figure; it speaks for no other figure.
    /// </summary>
    public bool OwnsFollowingFigure { get; init; }

    /// <summary>Named without speaking ("Zelensky visited the front"), kept so that a later "he said" finds it.</summary>
    public bool IsMention { get; init; }

    /// <summary>"Shares fell 18% after the company warned …": a speaker opening a subordinate or joined clause speaks only for the figures after it.</summary>
    public bool SpeaksForward { get; init; }

    /// <summary>
    /// "the R$150 million loss analysts had forecast", "the $9bn the United Nations says is needed": a speaker
    /// inside a clause describing a figure owns the one figure written right before it and speaks for no other.
    /// </summary>
    public bool OwnsPrecedingFigure { get; init; }

    /// <summary>"…, which the institute says killed 118 people, only 2,100 …": a speaker inside a relative clause reaches no figure after the clause ends here.</summary>
    public int? ReachEnd { get; init; }
}

/// <summary>
/// Finds who said what in a sentence: "X said", "said X", "according to X", "X told AFP",
/// "X announced/estimates/reported/confirmed", "citing X", "via X", "per X", "X's spokesman Y",
/// and pronouns ("he said", "the agency said") resolved to earlier sources. Names are matched to
/// the catalogue by <see cref="NameKey"/> over names and aliases; unknown names keep their words.
/// </summary>
public sealed partial class AttributionFinder
{
    private const RegexOptions Flags = RegexOptions.CultureInvariant;
    // A thousands separator ("The survey of 2,000 adults") does not end the phrase before a verb.
    private const string NamePart = @"(?:[^,;:!?“”""()\n]|(?<=\d),(?=\d{3})){1,90}?";

    // Verbs that introduce what a speaker claims; "put" as in "put the toll at 61".
    private const string SourceVerbs = "said|says|say|told|tells|reminded|reminds|cautioned|cautions|announced|announces|estimated|estimates|estimate|confirmed|confirms|claimed|claims|stated|states|wrote|writes|added|adds|noted|notes|warned|warns|believes|believe|assessed|assesses|revealed|reveals|disclosed|discloses|showed|shows|show|shown|insisted|insists|explained|acknowledged|admitted|forecast|forecasts|projected|projects|predicted|predicts|expected|expects|counted|counts"
        + "|accused|accuses|alleged|alleges|disputed|disputes|put|puts|posted|posts|tallied|tallies|briefed|briefs|unveiled|unveils|argued|argues|cautioned|conceded|concedes|countered|declared|declares|reckoned|reckons|calculated|calculates|testified|testifies|told|informed|indicated|indicates|suggested|suggests|found|finds|maintained|maintains|stressed|stresses|emphasised|emphasized|asserted|asserts|contended|contends|acknowledges|admits|signalled|signaled|mentioned|denied|denies|forecasts|blamed|blames|repeated|repeats|reiterated|reiterates|expect"
        // Plural subjects take the bare form: "Prosecutors allege", "Economists predict".
        + "|allege|argue|insist|warn|predict|contend|maintain|reckon|calculate|acknowledge|admit|concede|confirm|suggest"
        // "The fire service still describes the crash as involving more than 60 vehicles"; "Police have stuck to a count of 38".
        + "|describes|described|describe|stuck\\s+to|stuck\\s+by|stood\\s+by|stands\\s+by";
    private const string ReporterVerbs = "reported|reports|report";

    // What a side in a negotiation or a donor puts on the table: "The union is seeking 15%", "Nordflug has offered 9%",
    // "the ministry pledged Rp45bn", "the state government has promised 30%". They name a speaker only when nobody in the sentence
    // says anything.
    private const string BargainingVerbs = @"seeks|sought|offered|offers|demanded|demands|pledged|pledges|promised|promises|vowed|vows|proposed|proposes|pushed\s+for|pushes\s+for|(?:is|are|was|were)\s+(?:seeking|demanding|offering|proposing|pushing\s+for|asking\s+for)";

    // What an outlet sees or obtains: "a memo seen by", "data obtained … by" (not "the lowest prices seen by farmers").
    private const string DocumentSeen = @"(?:memo|memos|document|documents|draft|letter|report|email|emails|data|figures|papers|copy|filing|plan|proposal|records|minutes|presentation|note|contract|budget|audit|study|survey|analysis|assessment|estimate|estimates)";

    // "The institute questioned 2,507 voters", "the agency has since recorded 40 aftershocks": how a body counted, said
    // by a body the report has named (a bare "Police questioned 12" speaks for no new source).
    private const string MethodVerbs = "questioned|interviewed|surveyed|polled|sampled|tested|recorded|registered|logged|measured|detected";

    // "Asylum claims in Norland fell", "police estimates of the crowd": a plural noun, not a verb of saying.
    private const string NounNotVerb = @"(?<!(?:(?<![\p{L}])(?i:the|a|an|its|their|his|her|this|that|these|those|earlier|previous|prior|initial|latest|official|own|recent|independent|annual|quarterly|monthly|weekly|interim|provisional|preliminary|internal)|\p{L}['’]s?)\s+(?:report|reports|estimate|estimates|claims|forecast|forecasts|count|counts|notes|states|projects|show|shows|posts|tallies|briefs|finds))(?!(?<=(?:claims|estimates|forecasts|reports|report|counts|notes|states|posts|projects|shows|tallies|finds|puts|warns|briefs))\s+(?:in\s+\p{Lu}|(?:of|for|from|by|were|are|was|is|have|has|had|rose|fell|dropped|jumped|climbed|increased|declined|doubled|surged|soared|slumped)(?![\p{L}])))";

    // A full stop ends a name unless it closes a title's abbreviation ("Brig. Gen. Ramon Dizon").
    private const string EndOfSentence = @"(?<!(?:^|\s)(?:Brig|Gen|Lt|Col|Maj|Capt|Sgt|Insp|Supt|Cmdr|Adm|Det|Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Hon|St|Jr))\.(?:\s|$)";

    // "The central bank cut its growth forecast to 3.1 percent": whoever revises its own figure states the new one.
    private const string RevisionVerbs = @"(?:cut|cuts|raised|raises|lowered|lowers|revised|revises|trimmed|trims|lifted|lifts|upgraded|upgrades|downgraded|downgrades|kept|keeps|held|holds)(?=\s+(?:its|their|his|her|the)\s+(?:[\p{L}\-]+\s+){0,4}(?:forecast|estimate|projection|outlook|guidance|prediction|figure|toll|count|tally|assessment)s?\b)";

    private static readonly Regex SubjectVerb = new(
        $@"(?<anchor>^|[,;:—–(]\s*|(?<=\S)\s-\s+|[”""’]\s*|(?<![\p{{L}}])(?:that|and|but|while|as|which|who|whereas|after|because|when|since|before|until|although|though|once)\s+)(?=\S)(?!(?:and|but|while|that|as|which|who|whereas|after|because|when|since|before|until|although|though|once|again|also|later|then|now|still|separately|previously|earlier|further|meanwhile|however)\s)(?<x>{NamePart})(?:\s*\([^()]{{1,40}}\))?(?<closing>(?:,\s*\d{{1,3}})?,(?:\s+(?:which|who)|\s+(?:however|meanwhile|too|though|instead|separately|in\s+turn|by\s+contrast|in\s+contrast|for\s+(?:its|their|his|her)\s+part),|\s+(?:quoted|cited|polled|surveyed|interviewed|contacted|carried|published|broadcast)\s+by\s+(?<by>[^,;:]{{1,50}}),|\s+(?:citing|quoting)\s+[^,;:]{{1,50}},|\s+(?:published|released|issued)\s+(?:on\s+\p{{Lu}}\p{{Ll}}+day|yesterday|today|(?:last|this|earlier\s+this)\s+\p{{Ll}}+|in\s+\p{{Lu}}\p{{Ll}}+),|\s+by\s+(?!contrast|comparison|then|now|far)(?<maker>[^,;:]{{1,70}}),)?)?\s+(?<!(?<![\p{{L}}])(?:is|are|was|were|be|been|being)\s)(?:(?:has|had|have|also|previously|earlier|later|then|now|still|further|separately|again|since|on\s+\p{{Lu}}\p{{L}}+day|overnight|yesterday|today)\s+)*(?<verb>{SourceVerbs}|{ReporterVerbs}|{RevisionVerbs}|{MethodVerbs}|{BargainingVerbs})(?![\p{{L}}])(?!(?<=add(?:ed|s))\s+(?:(?:a|net|further|another|about|some|nearly|almost|more\s+than|over|roughly|around)\s+)*[\d$€£¥₹])(?!(?<=wrote)\s+(?:down|off)(?![\p{{L}}])){NounNotVerb}(?!(?<=(?:{MethodVerbs}))(?!\s+(?:[\p{{Ll}}]+\s+){{0,2}}\d))",
        Flags);

    private static readonly Regex Inverted = new(
        $@"(?:^|[,;”""’]\s*)(?<verb>said|says|added|adds|wrote|writes|stated)\s+(?<x>[^,;:!?“”""()\n]{{1,90}}?)(?=\s*(?:[,;:!?”""()]|{EndOfSentence}|$))(?:,\s+(?:\p{{Lu}}\p{{Ll}}{{0,4}}\.\s+)?(?<y>\p{{Lu}}[\p{{L}}\-'’]+(?:\s+\p{{Lu}}[\p{{L}}\-'’]+){{1,3}})(?=\s*(?:[,;:!?”""()]|{EndOfSentence}|$)))?",
        Flags);

    private static readonly Regex Phrase = new(
        $@"(?<![\p{{L}}])(?<kind>(?i:according\s+to)|(?i:citing|quoting)|which\s+cited|which\s+quoted|(?i:via)|(?i:per)(?!\s+cent)|reported\s+by|(?<=(?i:{DocumentSeen})\s)(?:seen|obtained|reviewed|viewed)(?:\s+[^,;:]{{1,50}}?)?\s+by|cited\s+by|quoted\s+by|in\s+an\s+interview\s+with|(?:confirmed|estimated|announced|released|published|disclosed|revealed|compiled|tallied|recorded|issued|counted|led|conducted|commissioned|given|provided|supplied|valued|priced|assessed|put)(?:\s+at\s+[^,;:]{{1,40}}?)?\s+by)\s+(?<x>(?:[^,;:!?“”""()\n]|(?<=\d),(?=\d{{3}})){{1,140}}?)(?=\s*(?:[,;:!?”""()]|{EndOfSentence}|$)|(?:\s+(?:overnight|yesterday|today|(?:on|last)\s+\p{{Lu}}\p{{Ll}}+day))?\s+(?:show|shows|showed|gave|give|gives|put|puts|suggest|suggests|suggested|indicate|indicates|indicated|revealed|reveal|reveals)\s)",
        Flags);

    // "Lee Seong-kweun, a member of the committee, said": the name before the apposition speaks.
    private static readonly Regex Appositive = new(
        $@"(?:^|[,;:—–]\s*|\s-\s+)(?<x>\p{{Lu}}[^,;:!?“”""()\n—–]{{0,60}}?)(?:,\s*\d{{1,3}})?,\s+(?<app>(?:a|an|the|its|his|her|who|which|(?!according|citing|quoting|via|per)\p{{Ll}}[\p{{L}}\-]*)\s+(?:[^,;:!?“”""()\n]|(?<=\d),(?=\d{{3}})){{1,80}}?),\s+(?:(?:again|also|later|then|now|still|separately|previously|earlier|further)\s+)?(?<verb>{SourceVerbs}|{ReporterVerbs})(?![\p{{L}}])",
        Flags);

    private static readonly Regex CapitalisedRun = new(@"(?<![\p{L}])\p{Lu}[\p{L}\p{M}.\-]*(?:\s+(?:(?:of|for|the)\s+)?\p{Lu}[\p{L}\p{M}.\-]*)*(?:['’]s)?", Flags);

    // "told AFP", "told the broadcaster Canal Sur Noticias", "told radio station Onda Andina", "told the Berlin daily Tagesblatt".
    private static readonly Regex ToldRelay = new(@"\G\s+(?:the\s+)?(?:(?:\p{Lu}\p{Ll}+(?:-based)?\s+)?(?:state\s+|national\s+|local\s+|public\s+|private\s+)?(?:broadcaster|radio\s+station|radio|television|TV|TV\s+channel|channel|station|newspaper|daily|paper|news\s+agency|agency|magazine|weekly|website|news\s+site|outlet|network|wire\s+service)\s+)?(?<y>(?:the\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+(?:(?:du|de|del|della|des|di|da|do|of)\s+(?:the\s+|la\s+|le\s+)?)?\p{Lu}[\p{L}\p{M}.\-]*)*)", Flags);
    private static readonly Regex CitedBy = new(@"^(?<x>.+?)\s+(?:polled|surveyed|interviewed|quoted|cited|contacted)\s+by\s+(?<y>.+)$", Flags);
    // "the agency's figure of", "Ocean Watch's estimate of", "its own count of": whose figure follows.
    private static readonly Regex OwnedFigure = new(
        @"(?<![\p{L}])(?:(?<x>(?i:the|this|that)\s+(?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}]+|\p{Lu}[\p{L}\p{M}.\-]*(?:\s+(?:(?:of|for|the)\s+)?\p{Lu}[\p{L}\p{M}.\-]*){0,5})['’]s?|(?<pronoun>(?i:its|their|his|her)))\s+"
        + @"(?i:(?:(?:own|official|latest|earlier|previous|initial|revised|new|provisional|updated|final)\s+)?(?:death\s+toll|figure|estimate|count|tally|toll|total|calculation|assessment|projection|forecast)\s+of)\s+(?=\S)",
        Flags);
    // "Sunday's toll of 11": a day owns no figure.
    private static readonly HashSet<string> CalendarWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "Last year", "This year", "Last week",
    };
    private static readonly Regex DataFrom = new(@"^(?:figures|data|statistics|numbers|estimates|a\s+report|a\s+statement|a\s+survey)\s+(?:from|by|of)\s+", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex Anaphor = new(@"^(?:the|this|that)\s+(agency|official|ministry|service|force|office|spokesman|spokeswoman|spokesperson|organisation|organization|group|army|military|bank|commission|committee|department|president|minister|governor|company|ambassador|envoy|statement|report)$", Flags | RegexOptions.IgnoreCase);
    private static readonly Regex Possessive = new(@"^(?<owner>\p{Lu}[\p{L}\s]*?)['’]s\s+(?<rest>.+)$", Flags);

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "its", "their", "his", "her" };
    // Lower-case words inside names: "Ministry of Health", "Il Corriere di Valmara", "Maria da Silva", "Yusuf bin Ali".
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "the", "de", "di", "da", "del", "della", "du", "des", "dos", "das", "al", "von", "van", "bin", "on" };
    // Honorifics before a name: "Comrade Adewale Ogunlade", "Alhaji Musa Bello", "Cllr Aoife Brennan" are the person.
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "prof", "sir", "comrade", "alhaji", "hajia", "sheikh", "rev", "reverend", "pastor", "imam", "rabbi", "cllr", "hon", "dame",
    };

    private static readonly HashSet<string> Heads = new(StringComparer.OrdinalIgnoreCase)
    {
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "ministry", "agency", "service", "office", "police",
        "authorities", "commission", "committee", "governor", "minister", "headquarters", "diplomats", "economists", "analysts",
        "experts", "rescuers", "doctors", "survivor", "survivors", "witness", "witnesses", "residents", "sources", "force",
        "military", "army", "government", "governments", "council", "staff", "groups", "bank", "president", "chief", "commander", "mayor",
        "lawmakers", "lawmaker", "officer", "prosecutors", "investigators", "researchers", "scientists", "observers", "monitors",
        "intelligence", "command", "administration", "department", "secretary", "ambassador", "envoy", "leader", "leaders",
        "medics", "volunteers", "firefighters", "coastguard", "operator", "regulator", "statistics", "executives", "employees",
        "workers", "relatives", "families", "passengers", "organisers", "organizers", "activists", "officers", "lawyers",
    };

    private static readonly HashSet<string> PersonHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "official", "spokesman", "spokeswoman", "spokesperson", "governor", "minister", "president", "chief", "commander", "mayor",
        "lawmaker", "officer", "survivor", "witness", "doctor", "secretary", "ambassador", "envoy", "leader",
        "lawyer", "attorney", "prosecutor", "judge", "director", "analyst", "economist",
    };

    private static readonly HashSet<string> OrganisationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "service", "agency", "intelligence", "ministry", "office", "force", "forces", "staff", "news", "directorate", "bank", "post",
        "press", "committee", "council", "department", "government", "governments", "headquarters", "commission", "army", "military",
        "chiefs", "network", "presse", "treasury", "police", "group", "groups", "authorities", "officials", "command", "institute",
        "organisation", "organization", "nations", "house", "kremlin", "pentagon", "ministry", "union", "fund", "programme", "program",
        "authority", "trust", "association", "federation", "society", "foundation", "board", "bureau", "company", "corporation", "party",
        "mission", "centre", "center", "coalition", "alliance", "court", "parliament", "assembly", "observatory", "forum", "coastguard",
        "guard", "cross", "crescent", "services", "university", "hospital", "institution", "secretariat", "inspectorate", "regulator",
    };

    // Parts of a larger body that speak in their own name: "the Crowd Counting Lab at the University of Castellan".
    private static readonly HashSet<string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "lab", "laboratory", "unit", "school", "faculty", "project", "clinic", "initiative", "team", "desk", "panel",
    };

    // "Poland's central bank raised …, and said": a body named by its owner opening the sentence.
    private static readonly Regex LeadingOwnedBody = new(
        @"\G\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*){0,3}['’]s\s+(?:[\p{Ll}\-]+\s+){0,2}?(?:" + string.Join("|", OrganisationWords) + @")(?=\s)",
        Flags);

    // Words that never stand inside a speaker's name: verbs, clause words, most prepositions.
    private static readonly HashSet<string> NotInNames = new(StringComparer.Ordinal)
    {
        "was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "would", "will", "could", "can", "may", "might",
        "must", "should", "not", "no", "than", "more", "less", "which", "who", "whom", "whose", "that", "this", "these", "those",
        "there", "if", "when", "where", "after", "before", "because", "while", "with", "on", "in", "to", "into", "over", "under",
        "about", "as", "also", "only", "it", "they", "we", "he", "she", "then", "but", "and", "or", "so", "yet", "by", "did", "do",
        "does", "i", "you", "what", "how", "why", "up", "down", "out", "still", "already", "just", "even", "such",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "dozens",
        "hundred", "hundreds", "thousand", "thousands", "million", "millions", "half", "twenty", "thirty", "forty", "fifty",
    };

    [GeneratedRegex(@"^\d+(?:st|nd|rd|th)$", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    // "LAGOS —", "TORONTO (Northline Wire) —": the place and wire of a dateline are no speaker.
    // "WARSAW, Feb 5 (Meridian Wire) - ": a wire dateline written with a hyphen.
    [GeneratedRegex(@"^.*?\p{Lu}{2,}[^—–]*\s[—–]\s+|^\p{Lu}{2,}[\p{Lu}\s.\-]*(?:,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)?(?:,?\s+\p{Lu}\p{Ll}{2,}\.?\s+\d{1,2})?\s*(?:\([^()]{1,40}\))?\s+-\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    // "Scotland Yard on Friday", "the commission early on Sunday", "… overnight".
    [GeneratedRegex(@"\s+(?:(?:early|late)\s+)?(?:on|last|this|overnight|yesterday|today)(?:\s+\p{L}+day(?:\s+(?:morning|afternoon|evening|night))?)?$|\s+(?:overnight|yesterday|today)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingTime();

    // "the Anti-Corruption Court's judgment", "Public Health Scotland figures": the owner speaks.
    [GeneratedRegex(@"(?:['’]s?)?(?:\s+(?:annual|latest|quarterly|half-year|half-yearly|interim|own|new|monthly|weekly|final|preliminary|provisional|official|published))*\s+(?:judgment|judgement|ruling|figures|data|estimates?|report|count|tally|statistics|numbers|statement|survey|analysis|projections?|calculations?)$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnersDocument();

    // What a body is called once it has been named: "the company" after "lender Hollandia Bank".
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["company"] = "company",
        ["firm"] = "company",
        ["group"] = "company",
        ["maker"] = "company",
        ["manufacturer"] = "company",
        ["retailer"] = "company",
        ["lender"] = "company",
        ["bank"] = "company",
        ["carrier"] = "company",
        ["airline"] = "company",
        ["operator"] = "company",
        ["insurer"] = "company",
        ["reinsurer"] = "company",
        ["developer"] = "company",
        ["producer"] = "company",
        ["chain"] = "company",
        ["miner"] = "company",
        ["supplier"] = "company",
        ["conglomerate"] = "company",
        ["giant"] = "company",
        ["startup"] = "company",
        ["paper"] = "outlet",
        ["newspaper"] = "outlet",
        ["daily"] = "outlet",
        ["broadcaster"] = "outlet",
        ["outlet"] = "outlet",
        ["channel"] = "outlet",
        ["station"] = "outlet",
        ["magazine"] = "outlet",
        ["weekly"] = "outlet",
        ["tabloid"] = "outlet",
        ["site"] = "outlet",
        ["charity"] = "charity",
        ["organisation"] = "charity",
        ["organization"] = "charity",
        ["ngo"] = "charity",
        ["watchdog"] = "watchdog",
        ["regulator"] = "watchdog",
        ["pollster"] = "pollster",
        ["union"] = "union",
        ["party"] = "party",
        ["platform"] = "company",
        ["streamer"] = "company",
        ["studio"] = "company",
        ["utility"] = "company",
        ["brewer"] = "company",
        ["drugmaker"] = "company",
        ["publisher"] = "company",
        ["refiner"] = "company",
        ["exporter"] = "company",
        ["importer"] = "company",
        ["shipper"] = "company",
        ["builder"] = "company",
        ["grocer"] = "company",
        ["automaker"] = "company",
        ["distributor"] = "company",
        ["lab"] = "company",
        ["business"] = "company",
        ["club"] = "club",
        ["team"] = "club",
        ["franchise"] = "club",
        ["broker"] = "company",
        ["brokerage"] = "company",
    };


    // "citing radio intercepts", "citing bodies recovered": evidence a claim rests on, not who makes it.
    private static readonly Regex Evidence = new(@"(?:intercepts|records|images|footage|documents|photos|photographs|videos|imagery|bodies|evidence|analysis|damage|data|statistics|figures|estimates|results|calculations|tallies|receipts|recordings|testimony|accounts)$", Flags | RegexOptions.IgnoreCase);

    // "carmaker", "chipmaker" and the like are companies too.
    private static string? KindOf(string word)
    {
        var lower = word.ToLowerInvariant();
        return Kinds.TryGetValue(lower, out var kind) ? kind : lower.EndsWith("maker", StringComparison.Ordinal) ? "company" : null;
    }

    // Last words that make a capitalised run a company: "Hanil Motors", "Suryadev Power".
    private static readonly HashSet<string> CompanySuffixes = new(StringComparer.Ordinal)
    {
        "Motors", "Bank", "Energy", "Group", "Corp", "Corporation", "Inc", "Ltd", "Limited", "Holdings", "Airlines", "Airways", "Power",
        "Semiconductor", "Interactive", "Pictures", "Studios", "Systems", "Technologies", "Telecom", "Pharma", "Pharmaceuticals", "Mining",
        "Resources", "Capital", "Partners", "Insurance", "Airline", "Rail", "Shipping", "Logistics", "Foods", "Brewery", "Media",
        "Motor", "Auto", "Renewables", "Beverages", "Brands", "Maritime", "Electronics", "Therapeutics", "Biotech", "Labs", "Software",
        "Networks", "Communications", "Steel", "Oil", "Gas", "Petroleum", "Chemicals", "Retail", "Stores", "Financial", "Securities",
        "Investments", "Ventures", "Industries", "Enterprises", "Solutions", "Polling", "Research", "Analytics", "Pharmaceutical", "Air",
        "Monitor", "Watch", "Tracker", "Barometer", "Index", "Insights",
    };

    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal) { "all", "both", "each", "many", "some", "most", "several", "other", "others", "few", "none" };

    // Roles that stand before a person's name and are not part of it.
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal)
    {
        "minister", "secretary", "president", "chairman", "chairwoman", "chair", "chairperson", "spokesman", "spokeswoman", "spokesperson",
        "director", "registrar", "counsel", "executive", "officer", "chief", "governor", "mayor", "analyst", "partner", "commissioner",
        "economist", "manager", "treasurer", "whip", "leader", "head", "judge", "justice", "prosecutor", "lawyer", "attorney", "inspector",
        "superintendent", "commander", "general", "colonel", "major", "captain", "lieutenant", "sergeant", "sen", "rep", "gov", "mec",
        "ombudsman", "coordinator", "co-ordinator", "founder", "ceo", "cfo", "deputy", "senator", "representative", "ambassador", "envoy",
        "researcher", "scientist", "professor", "prof", "dr", "doctor", "official", "adviser", "advisor", "strategist", "editor",
        "correspondent", "activist", "campaigner", "organiser", "organizer", "member", "mp", "lawmaker", "legislator", "candidate",
        "premier", "councillor", "councilor", "auditor", "controller", "comptroller", "administrator", "warden", "sheriff", "coroner",
        "magistrate", "physician", "surgeon", "epidemiologist", "virologist", "chancellor", "vice-president", "king", "queen", "prince",
        "pope", "bishop", "archbishop", "imam", "rabbi", "pastor", "father", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady",
        "hon", "chief-executive", "boss", "owner", "trader", "broker", "pollster", "observer", "monitor", "witness", "survivor",
        "resident", "farmer", "teacher", "nurse", "midwife", "driver", "pilot", "engineer", "consultant", "historian", "expert",
        "coach", "striker", "midfielder", "defender", "goalkeeper", "player", "forward", "winger", "skipper", "batsman", "bowler",
        "referee", "umpire", "jockey", "trainer", "rider", "producer", "actor", "actress", "singer", "author", "novelist", "artist",
        "curator", "conductor", "composer", "chef", "agent", "promoter", "organiser", "architect", "economist", "master",
        "journalist", "specialist", "pharmacist", "chemist", "physicist", "dentist", "paramedic", "firefighter", "actuary", "accountant",
        "veterinarian", "vet", "librarian", "archaeologist", "lecturer", "planner", "modeller", "modeler",
        "col", "gen", "brig", "lt", "maj", "capt", "sgt", "insp", "supt", "cmdr", "adm", "det", "cpl",
    };

    // Trades the list does not name still read as roles by their ending: "hydrologist", "statistician", "demographer".
    private static bool IsRole(string word) =>
        Roles.Contains(word)
        || word.Length > 7 && word.All(char.IsLower) && (word.EndsWith("ologist", StringComparison.Ordinal) || word.EndsWith("ician", StringComparison.Ordinal) || word.EndsWith("ographer", StringComparison.Ordinal) || word.EndsWith("onomist", StringComparison.Ordinal));

    // "the disaster agency said", "the Dublin-based airline said": a common noun naming a body named earlier.
    [GeneratedRegex(@"^(?i:the|this|that|its|their)\s+(?:(?:[\p{Ll}\-]+|\p{Lu}\p{Ll}+(?:['’]s)?(?:-[\p{Ll}]+)?)\s+){0,3}(?<head>[\p{Ll}]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommonNounHead();

    // "results published by", "a preliminary assessment by", "a Savanna Polls survey": the words around a source's name.
    [GeneratedRegex(@"^(?:(?:the\s+)?(?:\p{Ll}+\s+)?(?:results|figures|data|statistics|numbers|estimates|research|findings|projections|calculations|polling|modelling|modeling|a\s+tally|(?:an?|the|its|their)\s+(?:[\p{Ll}\-]+\s+){0,2}(?:assessment|analysis|survey|report|statement|count|estimate|study|poll|audit|review|tally|investigation|census|barometer|tracker|index|bulletin|monitor))\s+(?:\p{Ll}+\s+){0,2}?(?:by|from|of)\s+)|(?:['’]s?)?(?:\s+(?:annual|latest|last|previous|earlier|quarterly|half-year|half-yearly|interim|monthly|weekly|final|preliminary|provisional|official|own|new))*\s+(?:survey|poll|report|tally|analysis|study|count|estimate|estimates|statement|data|figures|research|audit|results|numbers|statistics|findings|projections)(?:\s+(?:for|commissioned\s+by)\s+(?:the\s+)?\p{Lu}.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceDocument();

    // "results published by X", "the ministry's data": the maker without the document. Of "federal survey data" or
    // "official figures" only an adjective would be left, and an adjective is no one.
    private static string WithoutDocument(string phrase)
    {
        var maker = SourceDocument().Replace(phrase, string.Empty);
        // "survey data": a document of a document.
        var left = maker.Trim();
        while (left.Length > 0 && SourceDocument().Replace(left, string.Empty).Trim() is var shorter && shorter.Length < left.Length)
        {
            left = shorter;
        }

        return maker.Length < phrase.Length && left.Length > 0 && left.All(c => char.IsLower(c) || c == '-') && KindOf(left) is null
            && !IsRole(left) && !IsGroupOfPeople(left) && !OrganisationWords.Contains(left) && !NounsLikeAdjectives.Contains(left)
            && Regex.IsMatch(left, "(?:al|ary|ive|ic|ous|ern|ate)$", RegexOptions.CultureInvariant)
            ? string.Empty
            // "an analysis of official data by Open Gates Trust": the maker of the last document named.
            : left.Length < maker.Trim().Length && left.Any(char.IsUpper) ? left : maker;
    }

    private static readonly HashSet<string> NounsLikeAdjectives = new(StringComparer.Ordinal) { "military", "judiciary", "public", "constabulary", "electorate", "directorate", "secretariat", "senate", "state" };

    // "the Melbourne-based Harlow Institute": where the maker sits is no part of its name.
    private static string? MakerOfDocument(string phrase) =>
        SpeakerName(Regex.Replace(phrase.Trim(), @"^(?i:the\s+)?\p{Lu}[\p{L}\-]*-based\s+(?=\p{Lu})", string.Empty, RegexOptions.CultureInvariant));

    [GeneratedRegex(@"^(?i:the|a|an|its|their|this|that)\s+(?:[\p{L}\-]+\s+){0,3}(?:study|survey|report|analysis|poll|review|audit|assessment|census|tally|count|estimate|paper|research)$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentSubject();

    // "An analysis of radar images by the group Ocean Watch estimates": whoever made the document speaks.
    [GeneratedRegex(@"^(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\p{Ll}\-]+\s+){0,2}(?:assessment|analysis|survey|report|study|count|estimate|review|investigation|audit|poll|tally|calculation|modelling|projection)\b[^,;]*?\s+by\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentBy();

    // The sentence's leading name, up to its first lower-case word: "Lands Minister Kwesi Boateng";
    // a role in lower case may stand inside it ("Finance executive Wanjiru Kamau"), and so may "of" ("The Ministry of Tourism").
    [GeneratedRegex(@"\G(?:(?:\p{Lu}[\p{L}\p{M}.'’\-]*|executive|secretary|minister|director|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|chief|head|leader|commissioner|governor|officer|official|manager|controller|president|secretary-general|coordinator|whip|adviser|advisor|analyst|economist|editor|coach|captain|mayor)\s+(?:(?:of|for|and|the)\s+(?=\p{Lu}))?){0,5}\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+(?:al|el|ad|ash|abu|ibn|bin)-\p{Lu}[\p{L}\p{M}.'’\-]*)?(?=\s+\p{Ll}|,)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingName();

    // "…, predicting that rates would fall 35%", "welcomed the move but noted that EVs made up less than 1%": the subject
    // goes on to say something, in a participle or a second verb of saying joined to the first.
    private static readonly Regex Participle = new(@",\s+(?:saying|adding|insisting|warning|noting|arguing|claiming|estimating|putting|predicting|forecasting|projecting|calculating|reckoning|stressing|acknowledging|admitting|conceding|confirming|explaining|pointing\s+out|stating|reporting|announcing|revealing|disclosing|citing|telling\s+\p{Ll}+|telling\s+(?<relay>(?:the\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*)*))(?![\p{L}])|\s(?:and|but)\s+(?:also\s+)?(?:said|says|added|warned|noted|notes|estimated|estimates|predicted|predicts|forecast|forecasts|argued|argues|insisted|insists|claimed|claims|acknowledged|admitted|conceded|stressed|confirmed|confirms|disclosed|revealed|put\s+(?:the|its|their)|told\s+\p{Ll}+)(?![\p{L}])", Flags);

    // Those one speaks to are an audience, not a relay: "told the Ontario Superior Court".
    // Legislatures and rooms of people are told things in public; they pass nothing on ("told the Commons", "told MPs").
    private static readonly Regex Audience = new(@"\b(?:Court|Commission|Committee|Parliament|Senate|Assembly|Inquiry|Tribunal|Council|Congress|House|Commons|Lords|Legislature|Bundestag|Knesset|Duma|Lawmakers|Legislators|Senators|MPs|MEPs|Councillors|Councilors|Delegates|Shareholders|Jurors|Jury|Magistrates|Reporters|Journalists|Analysts|Investors|Members|Conference|Summit|Hearing)\b", Flags);

    // Capitalised words that open a clause rather than a name ("In Kyiv, the ministry said").
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "In", "On", "At", "By", "For", "From", "After", "Before", "But", "And", "As", "When", "While", "With", "Since", "During",
        "Meanwhile", "However", "Also", "Earlier", "Later", "Last", "This", "That", "It", "He", "She", "They", "There", "Some", "Many",
    };

    private readonly Dictionary<string, SourceCandidate> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SourceCandidate>> byInitials = new(StringComparer.Ordinal);
    private readonly HashSet<string> bodies = new(StringComparer.Ordinal);
    private readonly List<Attribution> relaysSeen = [];

    public AttributionFinder(IReadOnlyList<SourceCandidate> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources.OrderBy(s => s.Id))
        {
            foreach (var name in source.Aliases.Prepend(source.Name))
            {
                byKey.TryAdd(NameKey.From(name), source);
                if (Initials(name) is { } initials)
                {
                    (byInitials.TryGetValue(initials, out var holders) ? holders : byInitials[initials] = []).Add(source);
                }
            }
        }
    }

    /// <summary>
    /// The letters an acronym of a name of three or more words is made of ("UN Office for Relief
    /// Coordination" → "unorc"): a word in capitals keeps all its letters, small words none. Null for
    /// shorter names, whose initials say too little.
    /// </summary>
    public static string? Initials(string name)
    {
        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !AcronymFillers.Contains(w.ToLowerInvariant()) && char.IsLetter(w[0]))
            .ToList();
        return words.Count < 3 || !words.All(w => char.IsUpper(w[0]))
            ? null
            : new string(words.SelectMany(w => w.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? w.Where(char.IsLetter) : w.Take(1)).ToArray()).ToLowerInvariant();
    }

    private static readonly HashSet<string> AcronymFillers = new(StringComparer.Ordinal) { "of", "for", "the", "and", "on", "in", "&", "de", "des", "du", "la" };

    // "UNORC" written alone: the one catalogue name it abbreviates. A short all-capital word only.
    [GeneratedRegex(@"^\p{Lu}{3,7}$", RegexOptions.CultureInvariant)]
    private static partial Regex Acronym();

    /// <summary>
    /// The sources and relays of <paramref name="sentence"/>, in order. <paramref name="earlier"/>
    /// holds the sources of the sentences before it (oldest first), for pronouns.
    /// </summary>
    public IReadOnlyList<Attribution> Find(string sentence, IReadOnlyList<Attribution> earlier)
    {
        var raw = new List<Raw>();
        foreach (Match m in Appositive.Matches(sentence))
        {
            var x = m.Groups["x"];
            // "Ola Strand, who chairs the board, said"; "The army, which accused …, said": a description resolves like "the army said".
            // "A senior official, speaking on condition of anonymity, told Reuters": an unnamed official speaks too.
            if ((IsProperName(x.Value.Trim()) || CommonNounHead().IsMatch(x.Value.Trim()) || UnnamedSpokesperson().IsMatch(x.Value.Trim()) || OwnersOfficer().IsMatch(x.Value.Trim())) && !raw.Any(r => r.Start < m.Index + m.Length && m.Index < r.End))
            {
                var verb = m.Groups["verb"];
                // "The largest spender, a group called Big Sky Forward, reported": the name given in the apposition.
                var name = Called().Match(m.Groups["app"].Value) is { Success: true } called ? called.Groups["name"].Value : x.Value.Trim();
                // "The study, by the Melbourne-based Harlow Institute for Youth Health, found": the document's maker speaks.
                if (DocumentSubject().IsMatch(name) && m.Groups["app"].Value.StartsWith("by ", StringComparison.Ordinal) && MakerOfDocument(m.Groups["app"].Value[3..]) is { } maker)
                {
                    name = maker;
                }

                // "…, speaking on condition of anonymity, told Reuters": whom the speaker told passes it on.
                var told = verb.Value is "told" or "tells" && ToldRelay.Match(sentence, verb.Index + verb.Length) is { Success: true } relay && !Audience.IsMatch(relay.Groups["y"].Value) ? relay.Groups["y"].Value : null;
                raw.Add(new Raw(x.Index, verb.Index + verb.Length, name, m.Value.TrimStart(',', ';', ':', '-', ' '), Kind.Direct) { CommaAnchored = true, RelayName = told });
            }
        }

        // "the R$150 million loss analysts had forecast", "the 2.5 million that analysts polled by X had expected":
        // the speaker owns the figure it describes. "what Fidelis Guarding believes was R14 million": the one after.
        foreach (var (m, following) in EmbeddedSpeaker().Matches(sentence).Select(m => (m, false)).Concat(WhatSpeakerSays().Matches(sentence).Select(m => (m, true))))
        {
            var x = m.Groups["x"];
            var text = x.Value.Trim();
            string? relayName = null;
            if (CitedBy.Match(text) is { Success: true } polled)
            {
                text = polled.Groups["x"].Value;
                relayName = polled.Groups["y"].Value;
            }

            if (SpeakerName(text) is { } name && !raw.Any(r => r.Start < m.Index + m.Length && x.Index < r.End))
            {
                raw.Add(new Raw(x.Index, m.Index + m.Length, name, sentence[x.Index..(m.Index + m.Length)], Kind.Direct)
                {
                    RelayName = relayName,
                    OwnsPrecedingFigure = !following,
                    OwnsFollowingFigure = following,
                });
            }
        }

        // A phrase that is no name ("in which the commission") must not hide the name inside it, so
        // the search goes on from just after where a rejected phrase began.
        // A phrase found that way inside someone's words ("…, adding that the campaign expected") is not a new speaker.
        for (var (m, retried) = (SubjectVerb.Match(sentence), false); m.Success;)
        {
            // "told reporters that data from the event recorder showed …": evidence inside a speaker's words is theirs to cite, not a new speaker.
            // "according to the Economic Policy Institute, a left-leaning think tank, which estimated": the description is of the name just given.
            var describesNameBefore = IndefiniteDescription().IsMatch(m.Groups["x"].Value) && SpeakerNamedJustBefore().IsMatch(sentence[..m.Groups["anchor"].Index]);
            // "telling a news conference that hospital staff had counted 41 bodies": a count cited inside someone's words is theirs.
            var countInSpeech = m.Groups["anchor"].Value.TrimEnd() == "that" && CountingVerb().IsMatch(m.Groups["verb"].Value)
                && SpeechBeforeThat().IsMatch(sentence[..m.Groups["anchor"].Index]) && raw.Count > 0;
            var evidenceInSpeech = describesNameBefore || countInSpeech || m.Groups["anchor"].Value.TrimEnd() == "that" && EvidenceSubject().IsMatch(m.Groups["x"].Value.Trim())
                && raw.Any(r => r.Kind == Kind.Direct && r.End <= m.Index && !r.OwnsPrecedingFigure && !r.OwnsFollowingFigure);
            var added = !evidenceInSpeech && !raw.Any(r => r.Start < m.Index + m.Length && m.Groups["x"].Index < r.End) && !(retried && InsideSpeech(sentence, m))
                && AddSubject(sentence, m, raw);
            (m, retried) = added ? (m.NextMatch(), false) : (SubjectVerb.Match(sentence, m.Groups["x"].Index + 1), true);
        }

        // "rules gazetted by the Small Mines Authority, which says about 1,900 operators hold permits": the body named right
        // before the relative clause speaks for what follows.
        foreach (Match which in WhichSaid().Matches(sentence))
        {
            // ", who said" after a body is someone of it, not the body.
            if (which.Value.Contains("which", StringComparison.Ordinal) && NameBeforeComma().Match(sentence[..which.Index]) is { Success: true } before && SpeakerName(before.Groups["name"].Value) is { } named
                && IsOrganisationName(named) && !raw.Any(r => r.Start < which.Index + which.Length && before.Index < r.End))
            {
                raw.Add(new Raw(which.Index, which.Index + which.Length, named, $"{named}{which.Value}", Kind.Direct));
            }
        }

        foreach (Match m in Inverted.Matches(sentence))
        {
            var x = m.Groups["x"];
            var name = IsPronoun(x.Value) ? x.Value : SpeakerName(x.Value);
            // "said the office's spokeswoman, Amira Haddad": the person named after the role speaks.
            // "said the firm's head of research, Tessa Kwong": any description, not only a role word, introduces the person.
            if (m.Groups["y"] is { Success: true } person && (IsRole(x.Value.Trim().Split(' ')[^1].ToLowerInvariant()) || Describes(x.Value)))
            {
                x = person;
                name = person.Value;
            }

            if (name is not null && !raw.Any(r => r.Start < x.Index + x.Length && x.Index < r.End))
            {
                raw.Add(new Raw(x.Index, x.Index + x.Length, name, m.Value.TrimStart(',', ';', '”', '"', '’', ' '), Kind.Direct));
            }
        }

        foreach (Match m in Phrase.Matches(sentence))
        {
            var x = m.Groups["x"];
            var kind = m.Groups["kind"].Value.ToLowerInvariant() switch
            {
                var k when k.StartsWith("according", StringComparison.Ordinal) => Kind.According,
                "citing" or "quoting" => Kind.Cited,
                var k when k.StartsWith("which", StringComparison.Ordinal) => Kind.Cited,
                "per" => Kind.Direct,
                var k when k.StartsWith("reported", StringComparison.Ordinal) || SeenBy().IsMatch(k) => Kind.Reporter,
                var k when k.EndsWith("by", StringComparison.Ordinal) && !k.StartsWith("cited", StringComparison.Ordinal) && !k.StartsWith("quoted", StringComparison.Ordinal) => Kind.Direct,
                _ => Kind.Relay,
            };
            // "arriving from Luanda via Doha": a route, not whoever passed the news on.
            if (kind == Kind.Relay && m.Groups["kind"].Value.Equals("via", StringComparison.OrdinalIgnoreCase) && RouteBeforeVia().IsMatch(sentence[..m.Index]))
            {
                continue;
            }

            // "according to a draft seen by the East Africa Monitor": the outlet that saw it reports it.
            var xValue = x.Value;
            string? passedOnBy = null;
            if (kind == Kind.According && DocumentMakerSeenBy(xValue) is { } seenWithMaker)
            {
                // "according to a report by a UN monitoring team seen by the Observer": the team speaks, the outlet passes it on.
                (xValue, passedOnBy) = seenWithMaker;
            }
            else if (kind == Kind.According && SeenByInside().Match(xValue) is { Success: true } seen)
            {
                kind = Kind.Reporter;
                xValue = xValue[(seen.Index + seen.Length)..];
                // "according to figures obtained by the Courier from the prisons service": the service speaks, the Courier passes it on.
                if (OutletFromMaker().Match(xValue) is { Success: true } obtainedFrom)
                {
                    (kind, xValue, passedOnBy) = (Kind.According, obtainedFrom.Groups["maker"].Value, obtainedFrom.Groups["outlet"].Value);
                }
            }
            else if (kind == Kind.According && ReportInOutlet().Match(xValue.Trim()) is { Success: true } reportIn)
            {
                // "according to a report in the Financial Ledger": the paper reports it, as "the Financial Ledger reported".
                (kind, xValue) = (Kind.Reporter, reportIn.Groups["outlet"].Value);
            }
            else if (kind == Kind.Reporter && SeenBy().IsMatch(m.Groups["kind"].Value) && OutletFromMaker().Match(xValue) is { Success: true } fromMaker)
            {
                // "Figures obtained by the Courier from the regional health board show": the board speaks, the Courier passes it on.
                (kind, xValue, passedOnBy) = (Kind.According, fromMaker.Groups["maker"].Value, fromMaker.Groups["outlet"].Value);
            }

            // "according to the UN refugee agency via Reuters": the agency speaks, the wire passes it on.
            if (kind == Kind.According && passedOnBy is null && ViaInside().Match(xValue) is { Success: true } via)
            {
                (xValue, passedOnBy) = (via.Groups["x"].Value, via.Groups["y"].Value);
            }

            // "The broker now expects a loss …, according to a client note": the speaker's own unnamed document relays nothing.
            if (kind == Kind.According && UnnamedOwnDocument().IsMatch(xValue.Trim()) && raw.Any(o => o.Kind == Kind.Direct && o.End <= m.Index && !o.OwnsPrecedingFigure && !o.OwnsFollowingFigure))
            {
                continue;
            }

            // "according to a regional security official quoted by Radio Sahel", "according to Paragon Pictures figures compiled
            // by BoxTrack": the first speaks, the one who quoted or compiled it passes it on.
            if (kind == Kind.According && passedOnBy is null && (CitedBy.Match(xValue) is { Success: true } quotedBy ? quotedBy : OwnersFiguresCompiledBy().Match(xValue)) is { Success: true } quoting)
            {
                xValue = quoting.Groups["x"].Value;
                passedOnBy = quoting.Groups["y"].Value;
            }

            xValue = WithoutClient(xValue);
            // "according to the unit": a description resolves like "the unit said"; "according to its annual filing" like "it said".
            var described = OwnPeople().Replace(xValue.Trim(), o => o.Groups[1].Value.ToLowerInvariant() switch { "his" => "he", "her" => "she", "its" => "it", _ => "they" });
            // "according to figures it published on Monday": the document's maker is the pronoun, as in "it said";
            // "according to figures the company filed": the description, as "the company said".
            if (kind == Kind.According && DocumentByPronoun().Match(described) is { Success: true } byPronoun)
            {
                described = IsPronoun(byPronoun.Groups["who"].Value.ToLowerInvariant()) ? byPronoun.Groups["who"].Value.ToLowerInvariant() : byPronoun.Groups["who"].Value;
            }

            // "according to the city council's annual air quality report": the council, as "the council said".
            // "Atlas Re's annual review of the market": the owner of an institutional document is a body.
            var institutional = false;
            if (kind is Kind.According or Kind.Cited && OwnerOfDocument().Match(described) is { Success: true } ownersDocument)
            {
                institutional = ownersDocument.Groups["institutional"].Success;
                (described, xValue) = (ownersDocument.Groups["owner"].Value, ownersDocument.Groups["owner"].Value);
            }

            // "citing a charge sheet filed by the anti-graft agency", "citing the club's half-year accounts": whoever made the document.
            if (kind == Kind.Cited && CitedDocumentMaker(described) is { } maker)
            {
                (described, xValue) = (maker, maker);
            }

            // "according to the Kestrel Foundation report": the foundation's report, not a report to look up.
            var namedMakersDocument = WithoutDocument(described) is var documentMaker && documentMaker.Length < described.Length && documentMaker.Any(char.IsUpper);
            var name = IsPronoun(described) || Anaphor.IsMatch(described) || CommonNounHead().IsMatch(described) && !namedMakersDocument ? described
                : kind == Kind.Direct && m.Groups["kind"].Value.Equals("per", StringComparison.OrdinalIgnoreCase) ? TrimName(xValue) : SpeakerName(WithoutDocument(WithoutTrailingParticiple(xValue)));
            // "citing radio intercepts", "citing provisional data" rest a claim on evidence; "citing ministry data" names whose it is.
            if (name is not null && !(kind == Kind.Cited && (Evidence.IsMatch(name) || Evidence.IsMatch(described) && !NamesABody(name))))
            {
                raw.Add(new Raw(m.Index, m.Index + m.Length, name, m.Value, kind) { RelayName = passedOnBy, IsBody = institutional && !IsPronoun(name) });
            }
        }

        // "said in a statement to the Daily Ledger", "In comments to Radio Kora", "speaking to Channel 9", "speaking on Radio One":
        // the outlet spoken to passes it on.
        foreach (Match m in SpokenTo().Matches(sentence))
        {
            var y = m.Groups["y"];
            if (Audience.IsMatch(y.Value))
            {
                continue;
            }

            var outlet = OutletName().Replace(y.Value, string.Empty);
            // "The general, speaking to Channel 9, said": an aside inside the speaker's own span.
            var around = raw.FindIndex(r => r.Kind == Kind.Direct && r.Start < m.Index && m.Index + m.Length <= r.End && r.RelayName is null);
            if (around >= 0)
            {
                raw[around] = raw[around] with { RelayName = outlet };
            }
            else if (!raw.Any(r => r.Start < y.Index + y.Length && y.Index < r.End))
            {
                raw.Add(new Raw(m.Index, m.Index + m.Length, outlet, m.Value, Kind.Relay));
            }
        }

        // "The mayor was quoted by the Harbour Post as saying", "Officials were cited by the Star as saying": the one quoted speaks.
        foreach (Match m in QuotedByAsSaying().Matches(sentence))
        {
            var x = m.Groups["x"];
            if (!raw.Any(r => r.Start < m.Index + m.Length && x.Index < r.End) && (CommonNounHead().IsMatch(x.Value.Trim()) ? x.Value.Trim() : SpeakerName(x.Value)) is { } quoted)
            {
                raw.Add(new Raw(x.Index, m.Index + m.Length, quoted, m.Value, Kind.Direct) { RelayName = m.Groups["y"].Value });
            }
        }

        // "said in a statement carried by the Sahel News Agency": the outlet that carried it passes it on.
        foreach (Match m in CarriedBy().Matches(sentence))
        {
            var y = m.Groups["y"];
            if (!raw.Any(r => r.Start < y.Index + y.Length && y.Index < r.End) && SpeakerName(y.Value) is { } carrier)
            {
                raw.Add(new Raw(m.Index, m.Index + m.Length, carrier, m.Value, Kind.Relay));
            }
        }

        // "The Daily Harbour quoted port director Ana Ruiz as saying": the one quoted speaks, the outlet passes it on.
        foreach (Match m in QuotedAsSaying().Matches(sentence))
        {
            var y = m.Groups["y"];
            if (!raw.Any(r => r.Start < m.Index + m.Length && m.Index < r.End) && SpeakerName(y.Value) is { } quoted)
            {
                raw.Add(new Raw(y.Index, m.Index + m.Length, quoted, m.Value, Kind.Direct) { RelayName = m.Groups["x"].Value });
            }
        }

        // "below the 32% forecast in a Meridian Wire poll of 14 economists": who ran the poll speaks for it.
        foreach (Match m in PollBy().Matches(sentence))
        {
            var x = m.Groups["x"];
            if (!raw.Any(r => r.Start < x.Index + x.Length && x.Index < r.End) && SpeakerName(x.Value) is { } pollster)
            {
                raw.Add(new Raw(x.Index, m.Index + m.Length, pollster, m.Value, Kind.Direct) { IsBody = true });
            }
        }

        // "Lands Minister Kwesi Boateng welcomed the ruling, saying …": the sentence's subject speaks.
        if (Participle.Match(sentence) is { Success: true } participle && !raw.Any(r => r.Start < participle.Index)
            && (LeadingSpokesperson().Match(sentence, DatelineLength(sentence)) is { Success: true } spokesperson ? spokesperson
                : LeadingOwnedBody.Match(sentence, DatelineLength(sentence)) is { Success: true } ownedBody ? ownedBody
                : LeadingPeopleAtBody().Match(sentence, DatelineLength(sentence)) is { Success: true } peopleAt ? peopleAt
                : LeadingDescribedPerson().Match(sentence, DatelineLength(sentence)) is { Success: true } describedPerson ? describedPerson.Groups["name"]
                : LeadingName().Match(sentence, DatelineLength(sentence))) is { Success: true } lead
            && !NumberWords.Contains(lead.Value.Split(' ')[0].ToLowerInvariant())
            && (UnnamedSpokesperson().IsMatch(lead.Value) ? lead.Value : SpeakerName(lead.Value)) is { } leader)
        {
            // "…, telling Radio Centro that": whom the subject told passes it on.
            var told = participle.Groups["relay"] is { Success: true } relay && !Audience.IsMatch(relay.Value) ? relay.Value : null;
            raw.Add(new Raw(lead.Index, participle.Index + participle.Length, leader, sentence[lead.Index..(participle.Index + participle.Length)], Kind.Direct) { RelayName = told });
        }

        raw.Sort((a, b) => a.Start.CompareTo(b.Start));
        var found = Combine(sentence, raw, earlier);
        return [.. found, .. Owners(sentence, earlier, found)];
    }

    // Owners resolve like speakers ("its" like "it", "the agency" to the body named earlier) but
    // stay out of the speaker logic: they neither relay nor are relayed.
    private List<Attribution> Owners(string sentence, IReadOnlyList<Attribution> earlier, IReadOnlyList<Attribution> speakers)
    {
        var owners = new List<Attribution>();
        foreach (Match m in OwnedFigure.Matches(sentence))
        {
            var pronoun = m.Groups["pronoun"];
            var x = pronoun.Success ? pronoun : m.Groups["x"];
            // "The mayor said the agency's figure": the owner is the last description, not the clause.
            var xStart = x.Index + Math.Max(0, x.Value.LastIndexOf("the ", StringComparison.OrdinalIgnoreCase));
            var written = sentence[xStart..(x.Index + x.Length)];

            var name = pronoun.Success
                ? pronoun.Value.ToLowerInvariant() switch { "its" => "it", "their" => "they", "his" => "he", _ => "she" }
                : written.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || written.StartsWith("this ", StringComparison.OrdinalIgnoreCase) || written.StartsWith("that ", StringComparison.OrdinalIgnoreCase)
                    ? written
                    : SpeakerName(written);
            if (name is null || CalendarWords.Contains(name))
            {
                continue;
            }

            var history = earlier.Concat(speakers.Where(s => s.End <= xStart))
                .Concat(Mentions(sentence).Where(s => s.End <= xStart))
                .ToList();
            // "The Coastal Protection Authority stood by its estimate": "its" is the sentence's subject.
            if (pronoun.Success && !speakers.Any(s => s.End <= xStart && !s.OwnsFollowingFigure) && LeadingName().Match(sentence, DatelineLength(sentence)) is { Success: true } lead && lead.Index + lead.Length <= xStart
                && SpeakerName(lead.Value) is { } subject && ResolveName(subject) is (string subjectName, var subjectId))
            {
                history.Add(new Attribution(lead.Index, lead.Index + lead.Length, AttributionRole.Source, subjectName, subjectId, lead.Value, Person(subject, subjectName)));
            }

            if (Resolve(new Raw(xStart, m.Index + m.Length, name, sentence[xStart..(m.Index + m.Length)].Trim(), Kind.Direct), history) is { } owner)
            {
                owners.Add(owner with { Role = AttributionRole.Source, OwnsFollowingFigure = true });
            }
        }

        return owners;
    }

    // ", which said": after an outlet told ("told the migration office, which said") and after any body named before it.
    [GeneratedRegex(@",\s+(?:which|who)\s+(?:also\s+|later\s+)?(?:said|says|estimated|estimates|reported|added|put|puts|confirmed|counted|counts)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex WhichSaid();

    [GeneratedRegex(@"^(his|her|its|their|His|Her|Its|Their)\s+(?:own\s+)?(?:[\p{Ll}\-]+\s+){0,2}?(?:instruments|sensors|cameras|satellites|data|figures|records|analysis|survey|report|study|filing|statement|estimates?|calculations|tests|count|tally|audit|review|members|volunteers|staff|teams?|crews?|monitors|workers|officers|researchers|inspectors|doctors|engineers|lawyers|scientists|analysts|surveyors|auditors)$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnPeople();

    [GeneratedRegex(@"^(?i:the\s+)?(?:(?:official|provisional|preliminary|final|latest|partial|early|initial|vote|new)\s+){0,2}(?:results|count|figures|data|numbers|statistics|tally|estimates?)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnownedDocument();

    private static bool Describes(string phrase) =>
        phrase.TrimStart().Split(' ', 2) is [var first, _] && (first is "the" or "a" or "an" or "its" or "his" or "her" or "their" || first.EndsWith("'s", StringComparison.Ordinal) || first.EndsWith("’s", StringComparison.Ordinal));

    private static bool InsideSpeech(string sentence, Match m) =>
        m.Groups["anchor"].Value.StartsWith("that", StringComparison.Ordinal)
        && Regex.IsMatch(sentence[Math.Max(0, m.Index - 30)..m.Index], @"(?:adding|saying|noting|insisting|warning|said|says|added|told\s+\p{L}+)\s*$", Flags);

    [GeneratedRegex(@"^(?<doc>(?i:the|this|that|its|their)\s+(?:\p{Ll}+\s+){0,2}(?:survey|poll|study|report|analysis|census|audit|review))\s+of\s+.+$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentOf();

    [GeneratedRegex(@"^(?i:the|this|that|its|their)\s+(?:\p{Ll}+\s+){0,2}(?:survey|poll|study|report|analysis|census|audit|review)$", RegexOptions.CultureInvariant)]
    private static partial Regex BareDocument();

    [GeneratedRegex(@"^\s+(?:(?:on|last)\s+\p{Lu}\p{Ll}+day\s+|in\s+a\s+statement\s+)?(?:that\s+)?(?:its|it\s+(?:had\s+|has\s+|have\s+|would\s+|will\s+)?(?:(?:now|also|so\s+far|already|since|still)\s+)?(?:sold|shipped|delivered|employ\p{L}*|earned|lost|posted|reported|expect\p{L}*|plan\p{L}*|agreed|cut|raised|added|hired|received|recorded|counted|registered|treated|tested|estimat\p{L}*|made|refunded|repaid|paid|spent|invested|credited|recalled|suspended|closed|opened|issued|acquired|bought|shed|laid\s+off|handed|returned|contacted|fined|approved|launched))(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ItselfAfter();

    [GeneratedRegex(@"^(?:and|after|because|when|since|before|until|although|though|once)\s", RegexOptions.CultureInvariant)]
    private static partial Regex SubordinateAnchor();

    // "the institute's data", "the city council's annual air quality report": up to three words say what kind of document.
    [GeneratedRegex(@"^(?<owner>(?i:the|this|that)\s+(?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}]+)['’]s\s+(?:[\p{Ll}\-]+\s+){0,3}(?:data|figures|statistics|numbers|estimates?|count|tally|report|survey|analysis|calculations?|projections?|records|review|assessment|findings|study|audit)$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnersDocumentSubject();

    // "a survey by Lemania Research for Radio Orsaval": the pollster made it; the outlet only paid for it. Not
    // "a study by the Centre for Disease Control", where "for" is inside the maker's name.
    private static string WithoutClient(string text) =>
        DocumentForClient().Match(text) is { Success: true } m && !OrganisationWords.Contains(m.Groups["last"].Value) && !IsRole(m.Groups["last"].Value)
            && !m.Groups["last"].Value.EndsWith("er", StringComparison.Ordinal)
            ? text[..m.Groups["client"].Index].TrimEnd()[..^3].TrimEnd()
            : text;

    [GeneratedRegex(@"^(?:an?|the|its|their)\s+(?:[\p{Ll}\-]+\s+){0,2}(?:survey|poll|study|report|analysis|count|estimate|tally)\s+(?:[\p{Ll}]+\s+)?by\s+(?:the\s+)?(?=\p{Lu})(?:[^,;:]*?\s)?(?<last>\p{L}+)\s+for\s+(?<client>(?:the\s+)?\p{Lu}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentForClient();

    [GeneratedRegex(@"^\s*(?:(?:two|three|four|five|six|several|a\s+few|a\s+handful\s+of)\s+|(?:Two|Three|Four|Five|Six|Several|A\s+few|A\s+handful\s+of)\s+(?=\p{Ll}))(?=(?:[\p{L}\-]+\s+){0,3}[\p{L}\-]+s\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex CountOfSpeakers();

    [GeneratedRegex(@"^\s*(?:(?i:two|three|four|five|six|several|a\s+few|a\s+handful\s+of|some)\s+)?(?<group>members|officials|officers|employees|executives|lawyers)\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}\-]*['’]s?\s+)?(?<body>\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+(?:of\s+|and\s+|for\s+)?\p{Lu}[\p{L}\p{M}'’\-]*){0,6})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MembersOf();

    // "the city council's annual air quality report", "Public Health Scotland's latest figures": whoever owns it. A review,
    // report, accounts or filing (institutional) is a body's, never a person's.
    [GeneratedRegex(@"^(?<owner>(?:(?i:the|this|that)\s+)?(?:[\p{L}\-&.]+\s+){0,4}[\p{L}.]+)['’]s?\s+(?:[\p{Ll}\-]+\s+){0,3}(?:data|figures|numbers|estimates?|count|tally|survey|analysis|calculations?|projections?|(?<institutional>records|review|report|accounts|filing|audit|statistics)|assessment|findings|study)(?:\s+(?:of|on|into)\s+(?:the\s+)?[\p{Ll}\-]+(?:\s+[\p{Ll}\-]+){0,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerOfDocument();

    // "A bank spokeswoman declined to comment but said": an unnamed spokesperson opening the sentence.
    [GeneratedRegex(@"\G(?:A|An|The)\s+\p{Ll}+\s+(?:spokesman|spokeswoman|spokesperson|representative|official)(?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSpokesperson();

    [GeneratedRegex(@"\G\s+(?<y>the\s+(?:news\s+agency|agency|newspaper|paper|broadcaster|daily|outlet|channel|station|network|magazine|website|site|wire\s+service|tabloid|weekly))(?![\p{L}])(?!\s+\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex ToldOutlet();

    [GeneratedRegex(@"(?<![\p{L}])in\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\p{Ll}\-]+\s+){0,2}(?:statement|interview|remarks|comments|post|video|message|broadcast|speech|letter|address|briefing)\s+(?:carried|broadcast|aired|relayed|run|posted)\s+by\s+(?<y>(?:the\s+)?(?:[\p{Ll}\-]+\s+){0,3}?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{M}.\-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex CarriedBy();

    [GeneratedRegex(@"(?<![\p{L}])(?i:in\s+(?:a\s+|an\s+)?(?:statement|comments?|remarks|note|letter|email|message)\s+to|speaking\s+(?:to|on|with)|in\s+an\s+interview\s+on)\s+(?<y>(?:the\s+)?\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’\-]*|\d{1,3}(?![\d,.])))*)", RegexOptions.CultureInvariant)]
    private static partial Regex SpokenTo();

    [GeneratedRegex(@"^the\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OutletName();

    [GeneratedRegex(@"(?:^|[,;]\s*)(?<x>[^,;:“”""]{1,60}?)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:quoted|cited)\s+by\s+(?<y>(?:the\s+)?\p{Lu}[^,;:“”""]{0,50}?)\s+as\s+(?:saying|telling|stating|estimating|putting|claiming|warning)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedByAsSaying();

    [GeneratedRegex(@"(?<x>(?:[Tt]he\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*)*)\s+(?:also\s+|later\s+|earlier\s+)?quoted\s+(?<y>[^,;:“”""]{1,80}?)\s+as\s+(?:saying|telling|stating|estimating|putting|claiming|warning)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedAsSaying();

    // "arriving from Luanda via Doha", "flown to Lagos via Dubai": travel, not a relay.
    [GeneratedRegex(@"(?:(?<![\p{L}])(?:from|to|into|arriving|arrived|travelling|traveling|flying|flew|flown|shipped|routed|smuggled|sailing|sailed|transiting)\s+(?:[\p{L}\-]+\s+){0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex RouteBeforeVia();

    // "the Courier from the regional health board": the outlet that obtained it, then who made it.
    [GeneratedRegex(@"^(?<outlet>(?:the\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*)*)\s+from\s+(?<maker>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex OutletFromMaker();

    // "a client note", "its statement": a document with no maker named.
    [GeneratedRegex(@"^(?:an?|the|its|their|his|her)\s+(?:[\p{Ll}\-]+\s+){0,2}(?:note|notes|memo|statement|filing|letter|release|presentation|document|email|update|post|briefing|guidance|outlook)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnnamedOwnDocument();

    [GeneratedRegex(@"^(?:the\s+|new\s+|latest\s+)*(?:figures|data|numbers|statistics|estimates|records|results|accounts|documents|a\s+(?:report|statement|survey|filing|tally))\s+(?<who>it|they|she|he|the\s+[\p{Ll}\-]+(?:\s+[\p{Ll}\-]+)?)\s+(?:had\s+|has\s+|have\s+)?(?:published|released|issued|compiled|gathered|collected|provided|filed|posted|shared|presented|put\s+out|made\s+public|sent)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DocumentByPronoun();

    // "a report by a UN monitoring team seen by the Observer": the document's maker and the outlet that saw it.
    [GeneratedRegex(@"^(?<doc>(?:an?|the|its|their)\s+(?:[\p{Ll}\-]+\s+){0,3}?(?:report|memo|draft|document|documents|letter|study|assessment|analysis|review|audit|survey|plan|proposal|filing|presentation|briefing|communiqu[eé]|dossier|minutes|notes?|email|records|data|figures)\s+(?:\p{Ll}+\s+){0,3}?(?:by|from)\s+)(?<maker>.+?)\s+(?:seen|obtained|reviewed|viewed)\s+by\s+(?<outlet>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MakerSeenBy();

    private static (string Maker, string Outlet)? DocumentMakerSeenBy(string phrase) =>
        MakerSeenBy().Match(phrase) is { Success: true } m ? (m.Groups["maker"].Value, m.Groups["outlet"].Value) : null;

    // "a charge sheet filed by the anti-graft agency", "a filing by the regulator", "the club's half-year accounts".
    [GeneratedRegex(@"^(?:an?|the|its|their)\s+(?:[\p{Ll}\-]+\s+){0,3}?(?:filing|filings|sheet|indictment|affidavit|memo|letter|briefing|document|documents|submission|complaint|presentation|note|dossier|communiqu[eé]|transcript|notice|disclosure|ruling|judgment|judgement|accounts|records|minutes|draft|report|study|review|audit|assessment|analysis|survey|statement|plan)\s+(?:(?:filed|prepared|published|released|issued|signed|sent|submitted|written|compiled|commissioned|drawn\s+up|lodged)\s+)?(?:by|from)\s+(?<maker>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentWithMaker();

    [GeneratedRegex(@"^(?<owner>(?:the\s+)?(?:\p{Ll}+|\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*)*))['’]s?\s+(?:(?:own|latest|annual|quarterly|half-year|half-yearly|interim|audited|unaudited|financial|full-year|monthly)\s+){0,2}(?:accounts|filing|filings|results|books|records|report|statement|figures|data|order|ruling|judgment|judgement|decision|letter|memo|minutes)$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnersCitedDocument();

    // "citing a copy of the Ombudsman's order": the copy is the order's.
    private static string? CitedDocumentMaker(string phrase) =>
        CopyOf().Replace(phrase, string.Empty) is var document && document != phrase ? CitedDocumentMaker(document)
        : DocumentWithMaker().Match(phrase) is { Success: true } made ? made.Groups["maker"].Value.Trim()
        : OwnersCitedDocument().Match(phrase) is { Success: true } owned ? owned.Groups["owner"].Value.Trim()
        : null;

    private static bool OwnClauseAfter(string sentence, Raw first, Raw other) =>
        other.Start >= first.End && Regex.IsMatch(sentence[..other.Start], @",\s+(?:while|whereas|but)\s+$", Flags);

    // An outlet a report has named as passing something on, for "the agency" and "the paper" later.
    private Attribution? OutletNamedBefore(string description)
    {
        var head = description.Split(' ')[^1];
        return relaysSeen.LastOrDefault(r => r.Evidence.Contains(head, StringComparison.OrdinalIgnoreCase) || r.Name.Contains(head, StringComparison.OrdinalIgnoreCase))
            ?? (KindOf(head) == "outlet" || head is "agency" ? relaysSeen.LastOrDefault() : null);
    }

    private static bool IntroducedByKind(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => char.IsLower(w[0]) && KindOf(w) is not null) && !words.Any(w => IsRole(w.ToLowerInvariant().TrimEnd('.')));
    }

    // "…, which the institute says", "in which the commission declared": a relative clause after a comma.
    private static bool RelativeAnchor(string sentence, Match m) =>
        m.Groups["anchor"].Value.TrimStart().StartsWith("which", StringComparison.Ordinal)
        && Regex.IsMatch(sentence[..m.Groups["anchor"].Index], @",\s*(?:\p{Ll}+\s+)?$", Flags);

    private static bool AddSubject(string sentence, Match m, List<Raw> raw)
    {
        var x = m.Groups["x"];
        var verb = m.Groups["verb"].Value;
        var anchor = m.Groups["anchor"].Value;
        var text = x.Value.Trim();
        var relayName = m.Groups["by"].Success ? m.Groups["by"].Value.Trim() : null;
        // "The study, by the Harlow Institute for Youth Health, found": the document's maker speaks.
        if (m.Groups["maker"].Success && DocumentSubject().IsMatch(text) && MakerOfDocument(m.Groups["maker"].Value) is { } maker)
        {
            text = maker;
        }

        // "But an analysis … put the crowd at": a conjunction opening the sentence is no part of the subject.
        text = LeadingConjunction().Replace(text, string.Empty);
        // "The league representing the 12 top-tier schools said": the body, whoever it speaks for.
        text = BodyRepresenting().Replace(text, "${head}");
        if (CitedBy.Match(text) is { Success: true } cited)
        {
            text = cited.Groups["x"].Value;
            relayName = cited.Groups["y"].Value;
        }

        // "the institute's data show": the institute, as "the institute said".
        text = OwnersDocumentSubject().Replace(text, "${owner}");
        // "Hallam City's annual report, published yesterday, shows": the club, as "Hallam City said".
        text = OwnerOfDocument().Replace(text, "${owner}");
        text = WithoutClient(text);

        // "The survey of about 8,000 households also found": the survey speaks, whatever it covered.
        text = DocumentOf().Replace(text, "${doc}");
        // "The vote count showed", "official data show": a document nobody is named as owning speaks for no one
        // (asked before the document word is taken off, or "official" would be left to speak).
        if (UnownedDocument().IsMatch(text.Trim()))
        {
            return false;
        }

        if (!BareDocument().IsMatch(text))
        {
            text = WithoutDocument(DataFrom.Replace(DocumentBy().Replace(text, string.Empty), string.Empty));
        }


        // "his members had found", "its volunteers helped": the owner speaks for its people.
        text = OwnPeople().Replace(text, o => o.Groups[1].Value.ToLowerInvariant() switch { "his" => "he", "her" => "she", "its" => "it", _ => "they" });
        if (Regex.IsMatch(text, @"^(?i:citing|quoting|according|via|per)\s", Flags))
        {
            return false;
        }

        var name = IsPronoun(text) || Anaphor.IsMatch(text) || CommonNounHead().IsMatch(text) || OneOfThem().IsMatch(text) || UnnamedSpokesperson().IsMatch(text) ? text : SpeakerName(text);
        if (name is null)
        {
            return false;
        }

        // "Donors pledged $1.45b", "Leaders at the summit pledged": a plural of people offering is no one in particular.
        var bargains = Regex.IsMatch(verb, $"^(?:{BargainingVerbs})$", Flags);
        // "it has offered" may be any body named before: only a named side bargains.
        if (bargains && (IsPronoun(name) || name.Split(' ')[0] is var first && first.EndsWith('s') && (IsGroupOfPeople(first) || first.EndsWith("ors", StringComparison.OrdinalIgnoreCase) || first.EndsWith("ers", StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        // "…, while the hospital reported treating 230": a body reporting its own numbers in its own clause speaks.
        var ownClause = anchor.TrimStart() is var a && (a.StartsWith("while", StringComparison.Ordinal) || a.StartsWith("whereas", StringComparison.Ordinal) || a.StartsWith("but", StringComparison.Ordinal))
            || Regex.IsMatch(sentence[(m.Index + m.Length)..], @"^\s+(?:\p{Ll}+ing|\d)", Flags);
        var kind = verb is "reported" or "reports" or "report" && !ownClause ? Kind.Reporter : Kind.Direct;
        var end = m.Index + m.Length;
        // "Aydın also told the agency that": the outlet named before.
        if (verb is "told" or "tells" && ToldOutlet().Match(sentence, end) is { Success: true } toldOutlet)
        {
            relayName = toldOutlet.Groups["y"].Value;
            end += toldOutlet.Length;
        }
        else if (verb is "told" or "tells" && ToldRelay.Match(sentence, end) is { Success: true } told && !Audience.IsMatch(told.Groups["y"].Value))
        {
            relayName = told.Groups["y"].Value;
            end += told.Length;
            // "survivors told the migration office, which said the boat carried 70": the office speaks for what follows.
            if (WhichSaid().Match(sentence, end) is { Success: true } which && which.Index == end)
            {
                raw.Add(new Raw(which.Index, which.Index + which.Length, relayName, $"{relayName}{which.Value}", Kind.Direct));
            }
        }

        var followedByThat = Regex.IsMatch(sentence[end..Math.Min(sentence.Length, end + 40)], @"^(?:\s+\p{L}+){0,4}?\s+that\b", Flags);
        raw.Add(new Raw(x.Index, end, name, sentence[x.Index..end], kind)
        {
            RelayName = relayName,
            CommaAnchored = anchor.StartsWith(','),
            FramesClause = followedByThat,
            // "Kaido Interactive said on Tuesday it sold", "Sorano Motor cut its forecast": what says "it" of itself is a body.
            RequiresKnown = Regex.IsMatch(verb, $"^(?:{MethodVerbs})$", Flags),
            // "Donors pledged $1.45b": a plural of people offering is no one in particular.
            Bargains = bargains,
            // "Dutch brewer Van Loon said": introduced by what it is, a body.
            IsBody = ItselfAfter().IsMatch(sentence[end..]) || IntroducedByKind(text),
            // "… fell 18% after it warned that …": a speaker opening a subordinate or joined clause speaks only for what follows it.
            SpeaksForward = SubordinateAnchor().IsMatch(anchor) && !(anchor.StartsWith("and", StringComparison.Ordinal) && !sentence[..m.Index].TrimEnd().EndsWith(','))
                || RelativeAnchor(sentence, m),
            // "…, which developer X says will power 2.1 million homes, …": the clause ends at the next comma.
            ReachEnd = RelativeAnchor(sentence, m) && sentence.IndexOfAny([',', ';', '—'], end) is var clauseEnd and >= 0 ? clauseEnd : null,
        });
        return true;
    }

    private List<Attribution> Combine(string sentence, List<Raw> raw, IReadOnlyList<Attribution> earlier)
    {
        var resolved = new List<(Raw Raw, Attribution Attribution)>();
        var history = earlier.ToList();
        var mentioned = Mentions(sentence);
        foreach (var r in raw)
        {
            // "Auto-parts maker Brenner Antriebe will cut …, the company said": named earlier in the same sentence.
            var before = history.Concat(mentioned.Where(m => m.End <= r.Start && !raw.Any(x => x.Start < m.End && m.Start < x.End))).ToList();
            var attribution = Resolve(r, before);
            if (attribution is null)
            {
                continue;
            }

            if (r.RequiresKnown && attribution.SourceId is null && !history.Any(h => h.Name == attribution.Name))
            {
                continue;
            }

            // "The union pushed for 4.5%, while the employers argued for 2%": a speaker in another clause does not count.
            if (r.Bargains && raw.Any(o => o != r && !o.Bargains && o.Kind != Kind.Relay && !(o.Start >= r.End && Regex.IsMatch(sentence[r.End..o.Start], @",\s+(?:while|whereas|but)\s+$", Flags))))
            {
                continue;
            }

            if (r.IsBody && attribution.IsPerson && !IsPronoun(r.Name))
            {
                bodies.Add(attribution.Name);
                attribution = attribution with { IsPerson = false };
            }

            attribution = attribution with
            {
                SpeaksForward = r.SpeaksForward,
                OwnsPrecedingFigure = r.OwnsPrecedingFigure,
                OwnsFollowingFigure = attribution.OwnsFollowingFigure || r.OwnsFollowingFigure,
                ReachEnd = r.ReachEnd,
            };

            if (r.RelayName is { } describedOutlet && describedOutlet.StartsWith("the ", StringComparison.Ordinal) && OutletNamedBefore(describedOutlet) is { } outlet)
            {
                attribution = attribution with { Relay = outlet with { Start = r.Start, End = r.End, Evidence = describedOutlet } };
            }
            else if (r.RelayName is { } relayName && ResolveName(relayName) is (string relay, var relayId))
            {
                attribution = attribution with { Relay = new Attribution(r.Start, r.End, AttributionRole.Relay, relay, relayId, relayName, false) };
            }

            if (attribution.Relay is { } passedOn)
            {
                relaysSeen.Add(passedOn);
            }

            resolved.Add((r, attribution));
            // An outlet that passes words on is no antecedent of "the governor said".
            if (r.Kind != Kind.Relay)
            {
                history.Add(attribution);
            }
        }

        var hasDirect = resolved.Any(p => p.Raw.Kind is Kind.Direct or Kind.According);
        var result = new List<Attribution>();
        // "Citing police sources, the Daily Courier said": the one who cites, named after the citation, passes it on.
        var leadingCitation = resolved.FindIndex(p => p.Raw.Kind == Kind.Cited && string.IsNullOrWhiteSpace(sentence[DatelineLength(sentence)..p.Raw.Start]));
        var citingSpeaker = leadingCitation == 0 ? resolved.FindIndex(1, p => p.Raw.Kind is Kind.Direct or Kind.Reporter) : -1;
        if (citingSpeaker > 0)
        {
            resolved[0] = (resolved[0].Raw, resolved[0].Attribution with { Relay = resolved[citingSpeaker].Attribution with { Role = AttributionRole.Relay, Relay = null } });
        }

        for (var i = 0; i < resolved.Count; i++)
        {
            var (r, a) = resolved[i];
            if (i == citingSpeaker)
            {
                relaysSeen.Add(a);
                result.Add(a with { Role = AttributionRole.Relay });
                continue;
            }

            var role = r.Kind switch
            {
                Kind.Relay => AttributionRole.Relay,
                // "Pedalo reported a loss …, deeper than the loss analysts had forecast": one who owns a single figure is not relayed.
                // "X reported sales of 142,350, while Y said …": a speaker of another clause is not relayed.
                Kind.Reporter => resolved.Any(p => p.Raw != r && p.Raw.Kind != Kind.Relay && !p.Raw.OwnsPrecedingFigure && !p.Raw.OwnsFollowingFigure && !OwnClauseAfter(sentence, r, p.Raw)) ? AttributionRole.Relay : AttributionRole.Source,
                // "X said, according to Yonhap": the outlet passed on what X said; not "the 2.5 million analysts had expected, …, according to traders".
                Kind.According => resolved.Take(i).Any(p => p.Raw.Kind == Kind.Direct && !p.Raw.OwnsPrecedingFigure && !p.Raw.OwnsFollowingFigure) ? AttributionRole.Relay : AttributionRole.Source,
                _ => AttributionRole.Source,
            };

            if (r.Kind == Kind.Cited)
            {
                // "CNN reported, citing officials": the officials are the source and CNN the relay, unless someone else is quoted directly.
                var citer = resolved.Take(i).LastOrDefault(p => p.Raw.Kind is Kind.Direct or Kind.Reporter or Kind.According);
                Attribution? citedBy = null;
                if (citer.Attribution is not null)
                {
                    var index = result.FindIndex(x => ReferenceEquals(x, citer.Attribution) || x.Start == citer.Attribution.Start);
                    if (index >= 0)
                    {
                        result[index] = result[index] with { Role = AttributionRole.Relay };
                        citedBy = result[index];
                    }
                }
                else if (CitingSubject(sentence, r.Start) is { } subject && ResolveName(subject) is (string subjectName, var subjectId))
                {
                    citedBy = new Attribution(r.Start, r.Start, AttributionRole.Relay, subjectName, subjectId, subject, false);
                    result.Add(citedBy);
                }

                // "Channel Africa reported, citing a regional official. … the official said": the outlet still passes it on.
                if (citedBy is not null && a.Relay is null)
                {
                    a = a with { Relay = citedBy with { Relay = null } };
                }

                var otherDirect = resolved.Any(p => p.Raw.Kind is Kind.Direct or Kind.According && p.Raw != citer.Raw && p.Attribution.Name != citer.Attribution?.Name);
                if (otherDirect && !(i == 0 && citingSpeaker > 0))
                {
                    continue;
                }
            }

            // "The NIS told lawmakers that 300 …, Lee said": the trailing speaker relays the first.
            if (role == AttributionRole.Source && r.Kind == Kind.Direct && r.CommaAnchored && i == resolved.Count - 1
                && resolved.Take(i).Any(p => p.Raw.Kind == Kind.Direct && p.Raw.FramesClause && p.Attribution.Name != a.Name))
            {
                role = AttributionRole.Relay;
            }

            if (role == AttributionRole.Relay)
            {
                relaysSeen.Add(a);
            }

            result.Add(a with { Role = role });
        }

        return result;
    }

    private Attribution? Resolve(Raw r, List<Attribution> history)
    {
        var text = r.Name.Trim();
        var lower = text.ToLowerInvariant();
        Attribution? antecedent = null;
        if (lower is "he" or "she")
        {
            // "Haddad said … He added": a lone surname not known as a body is a person too.
            antecedent = history.LastOrDefault(h => h.IsPerson && h.Role == AttributionRole.Source)
                ?? history.LastOrDefault(h => h.Role == AttributionRole.Source && LoneSurname(h.Name));
        }
        else if (lower is "it")
        {
            antecedent = history.LastOrDefault(h => !h.IsPerson && h.Role == AttributionRole.Source);
        }
        else if (lower is "they" or "we")
        {
            antecedent = history.LastOrDefault(h => h.Role == AttributionRole.Source);
        }
        else if (OneOfThem().Match(text) is { Success: true } oneOf)
        {
            // "one of the officials said": the officials named before.
            var head = oneOf.Groups["head"].Value.TrimEnd('s');
            antecedent = history.LastOrDefault(h => h.Role == AttributionRole.Source && (h.Name.Contains(head, StringComparison.OrdinalIgnoreCase) || h.Evidence.Contains(head, StringComparison.OrdinalIgnoreCase)));
        }
        else if (UnnamedSpokesperson().Match(text) is { Success: true } spokesperson
            && history.LastOrDefault(h => !h.IsPerson && h.Role == AttributionRole.Source && (Describes(h, spokesperson.Groups["body"].Value)
                || KindOf(spokesperson.Groups["body"].Value) is { } bodyKind && h.Evidence.Split(" ").Any(w => KindOf(w) == bodyKind))) is { } speaksFor)
        {
            // "a bank spokeswoman said", unnamed: the bank speaks through her.
            antecedent = speaksFor;
        }
        else if (UnnamedSpokesperson().Match(text) is { Success: true } voice && voice.Groups["body"].Value is var voiceOf && !VoiceAdjectives.Contains(voiceOf)
            && (ResolveName(voiceOf) is (string knownBody, int) ? knownBody : char.IsUpper(voiceOf[0]) && !IsRole(voiceOf.ToLowerInvariant()) ? voiceOf : null) is { } bodyName)
        {
            // "a council spokesperson said" with no council named before: the catalogue's one council;
            // "a Garda spokesperson said": the force named in the description.
            return new Attribution(r.Start, r.End, AttributionRole.Source, bodyName, ResolveName(voiceOf)?.Id, r.Evidence, false);
        }
        else if (Anaphor.Match(text) is { Success: true } anaphor)
        {
            var head = anaphor.Groups[1].Value;
            var sources = history.Where(h => h.Role == AttributionRole.Source).ToList();
            // "Brandt told the agency": the agency there is whom Brandt told, not Brandt.
            bool Named(Attribution h) => (h.Name.Contains(head, StringComparison.OrdinalIgnoreCase) || h.Evidence.Contains(head, StringComparison.OrdinalIgnoreCase)) && (h.IsPerson == PersonHeads.Contains(head) || h.Name.EndsWith(" " + head, StringComparison.OrdinalIgnoreCase))
                && !(h.Relay?.Evidence.Contains(head, StringComparison.OrdinalIgnoreCase) ?? false);
            // "the company said" after "Van Loon said it had agreed to sell to Mara Beverages": the company that spoke, not the one it named.
            antecedent = KindOf(head) == "company"
                ? sources.LastOrDefault(h => !h.IsMention && (Named(h) || Fits(head, h))) ?? sources.LastOrDefault(Named)
                : sources.LastOrDefault(Named);
            // "the army" with no army named before: the catalogue's one army, before any other body
            // ("the company" stays the company the report is about).
            if (antecedent is null && KindOf(head) is null && ResolveName(text) is (string known, int knownId))
            {
                return new Attribution(r.Start, r.End, AttributionRole.Source, known, knownId, r.Evidence, PersonHeads.Contains(head));
            }

            antecedent ??= PersonHeads.Contains(head) ? sources.LastOrDefault(h => h.IsPerson) : sources.LastOrDefault(h => !h.IsMention && Fits(head, h)) ?? sources.LastOrDefault(h => Fits(head, h));
            // "The agency put the bill at $40 million" after "the news agency Nordpress reported": the outlet speaks itself.
            if (antecedent is null && OutletWords.Contains(head) && OutletNamedBefore(text) is { } outlet)
            {
                antecedent = outlet with { Role = AttributionRole.Source };
            }

            // "In a statement, the ministry said": with nobody named before, the description is the speaker.
            if (antecedent is null && ResolveName(text) is (string described, var describedId))
            {
                return new Attribution(r.Start, r.End, AttributionRole.Source, described, describedId, r.Evidence, PersonHeads.Contains(head));
            }
        }
        else if (CommonNounHead().Match(text) is { Success: true } common
            && history.LastOrDefault(h => h.Role == AttributionRole.Source && (h.Name.Contains(common.Groups["head"].Value, StringComparison.OrdinalIgnoreCase) || h.Evidence.Contains(common.Groups["head"].Value, StringComparison.OrdinalIgnoreCase)) && Modifiers(text).All(w => Describes(h, w)))
                is { } named)
        {
            // "the bureau said", "the commission put turnout at": the body named earlier in the report.
            antecedent = named;
        }
        else if (CommonNounHead().Match(text) is { Success: true } kindOf && KindOf(kindOf.Groups["head"].Value) is { } kind
            && (history.LastOrDefault(h => !h.IsPerson && h.Evidence.Split(' ').Any(w => KindOf(w) == kind) && Modifiers(text).All(w => Describes(h, w)))
                // "The Austrian wire maker expects" after "Veltmark Draht said": what a company makes is no part of its name.
                ?? (kind == "company" ? history.LastOrDefault(h => !h.IsPerson && h.Role == AttributionRole.Source && Fits(kindOf.Groups["head"].Value, h)) : null)) is { } body)
        {
            // "the company confirmed" after "auto-parts maker Brenner Antriebe".
            antecedent = body;
        }
        else if (CommonNounHead().Match(text) is { Success: true } outletDescription && KindOf(outletDescription.Groups["head"].Value) == "outlet"
            && OutletNamedBefore(text) is { } outlet)
        {
            // "The paper put turnout at 72%" after "the Lanka Observer reported, citing …": the outlet now speaks itself.
            antecedent = outlet with { Role = AttributionRole.Source };
        }
        else if (CommonNounHead().Match(text) is { Success: true } generic && IsBodyNoun(generic.Groups["head"].Value)
            && Modifiers(text).All(GenericModifiers.Contains) && ResolveName(text) is not (_, int)
            && (history.LastOrDefault(h => !h.IsMention && Fits(generic.Groups["head"].Value, h)) ?? history.LastOrDefault(h => Fits(generic.Groups["head"].Value, h))) is { } fitting)
        {
            // "the carmaker said" after "Sorano Motor", "according to the unit" after "the Hawks", "the survey also found":
            // a body named only by what it is, the last body of the report that can be such a thing.
            antecedent = fitting;
        }
        else
        {
            // "The gain added", "the slide wiped": an abstract noun is no speaker, unless the catalogue names a source so.
            if (CommonNounHead().Match(text) is { Success: true } abstractNoun && !CanSpeak(abstractNoun.Groups["head"].Value) && ResolveName(text) is not (_, int))
            {
                return null;
            }

            if (ResolveName(text) is not (string name, var id))
            {
                return null;
            }

            // "Kestrel said" after "Kestrel Motors is recalling": the first word of one body named before is that body.
            if (id is null && !name.Contains(' ', StringComparison.Ordinal) && char.IsUpper(name[0])
                && history.Where(h => !h.IsPerson && h.Name.StartsWith(name + " ", StringComparison.Ordinal)).Select(h => (h.Name, h.SourceId)).Distinct().ToList() is [var namedBody])
            {
                return new Attribution(r.Start, r.End, AttributionRole.Source, namedBody.Name, namedBody.SourceId, r.Evidence, false);
            }

            // "Brandt" after "Mayor Ilse Brandt": the surname of a person named before is that person.
            var surnameOfPerson = LoneSurname(name) && history.Any(h => h.IsPerson && h.Name.EndsWith(" " + name, StringComparison.Ordinal));
            return new Attribution(r.Start, r.End, AttributionRole.Source, name, id, r.Evidence, surnameOfPerson || Person(text, name));
        }

        return antecedent is null
            ? null
            : new Attribution(r.Start, r.End, AttributionRole.Source, antecedent.Name, antecedent.SourceId, r.Evidence, antecedent.IsPerson) { Relay = antecedent.Relay };
    }

    /// <summary>
    /// The head of a speaker known only by a description of a body ("roads regulator", "motoring group",
    /// "operator of the Ridgeway toll route" → "operator"), or null for a name, a person or a group of people.
    /// </summary>
    internal static string? DescribedBodyHead(string name)
    {
        var words = name.Split(" of ", 2, StringSplitOptions.None)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 4 && words.All(w => w.All(c => char.IsLower(c) || c == '-')) && words[^1] is var head
            && (OrganisationWords.Contains(head) || KindOf(head) is not null) && !IsGroupOfPeople(head) && !PersonHeads.Contains(head) ? head : null;
    }

    // Bodies and the documents they issue, as a report calls them once they are named: "the unit", "the survey".
    private static readonly HashSet<string> DocumentHeads = new(StringComparer.Ordinal)
    {
        "survey", "poll", "study", "report", "analysis", "census", "audit", "review", "statement", "filing", "tracker", "paper",
    };

    private static readonly HashSet<string> GenericModifiers = new(StringComparer.Ordinal) { "own", "new", "latest", "annual", "same" };

    private static bool IsBodyNoun(string head) =>
        OrganisationWords.Contains(head) || KindOf(head) is not null || DocumentHeads.Contains(head) || head is "unit" or "body" or "force" or "agency";

    private static readonly HashSet<string> OtherSpeakers = new(StringComparer.Ordinal)
    {
        "campaign", "league", "festival", "tournament", "embassy", "consulate", "senate", "cabinet", "presidency", "palace", "municipality",
        "city", "county", "state", "province", "region", "district", "clinic", "school", "college", "prison", "jury", "panel", "tribunal",
        "prosecution", "defence", "defense", "indictment", "complaint", "lawsuit", "affidavit", "memo", "letter", "document", "draft",
        "website", "app", "navy", "airport", "port", "zoo", "museum", "church", "family", "couple", "victim", "suspect", "accused",
        "defendant", "plaintiff", "claimant", "judge", "coroner", "index", "census", "count",
    };

    private static readonly HashSet<string> AbstractPlurals = new(StringComparer.Ordinal)
    {
        "gains", "losses", "sales", "shares", "prices", "costs", "rises", "falls", "increases", "cuts", "results", "figures", "numbers",
        "talks", "plans", "changes", "rates", "levels", "totals", "profits", "earnings", "revenues", "returns", "savings", "funds",
    };

    // Who or what can say something: people, groups, bodies and the documents they issue.
    private static bool CanSpeak(string head) =>
        head.EndsWith('s') && !AbstractPlurals.Contains(head) || IsBodyNoun(head) || Heads.Contains(head) || PersonHeads.Contains(head) || IsRole(head) || PeopleGroups.Contains(head)
        || IsGroupOfPeople(head) || OtherSpeakers.Contains(head)
        || head.Length > 4 && (head.EndsWith("er", StringComparison.Ordinal) || head.EndsWith("or", StringComparison.Ordinal) || head.EndsWith("ist", StringComparison.Ordinal) || head.EndsWith("ian", StringComparison.Ordinal) || head.EndsWith("ent", StringComparison.Ordinal) || head.EndsWith("ant", StringComparison.Ordinal));

    // Whether an earlier source can be the body a description names: a company for "the carmaker", not a ministry;
    // no person and no group of people ("analysts") for any body.
    private static bool Fits(string head, Attribution earlier)
    {
        if (earlier.Role != AttributionRole.Source || earlier.Name.Length == 0 || !char.IsUpper(earlier.Name[0]))
        {
            return false;
        }

        // "the study found" after "a study led by Chidi Okafor": a document is its author's, person or body.
        if (DocumentHeads.Contains(head))
        {
            return !earlier.IsPerson || earlier.Evidence.Contains(" by ", StringComparison.Ordinal);
        }

        // "Platinum producer Rand Kopje …, the company said": a word that is a trade and a kind of company introduced the
        // name; "the company" settles which.
        if (earlier.IsPerson)
        {
            return earlier.IsMention && KindOf(head) == "company" && KindOf(earlier.Evidence.Split(' ')[0]) == "company";
        }

        // A club or a union known only by its name is called "the club" or "the union", never "the company".
        if (earlier.IsMention && earlier.Evidence.Split(' ', 2)[0] is "club" or "union" && KindOf(head) is { } headKind)
        {
            return earlier.Evidence.StartsWith(headKind + " ", StringComparison.Ordinal);
        }

        var words = earlier.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var company = CompanySuffixes.Contains(words[^1].TrimEnd('.')) || earlier.Evidence.Split(' ').Any(w => KindOf(w) == "company");
        if (DocumentHeads.Contains(head))
        {
            return true;
        }

        return KindOf(head) == "company"
            ? company || !words.Any(w => OrganisationWords.Contains(w.ToLowerInvariant()) || Heads.Contains(w.ToLowerInvariant()))
            : !company;
    }

    [GeneratedRegex(@"^(?i:one|two|three|some|several|another|one\s+more)\s+of\s+(?i:the|those|these)\s+(?<head>\p{Ll}+)$", RegexOptions.CultureInvariant)]
    private static partial Regex OneOfThem();

    [GeneratedRegex(@"^(?:(?i:a|an|the)\s+)?(?!(?i:a|an|the|this|that)\s+official$)(?<body>\p{Ll}+|\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*){0,2})\s+(?:spokesman|spokeswoman|spokesperson|representative|official)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnnamedSpokesperson();

    // "the port authority" is not the "Coastal Protection Authority": every word before the head must fit.
    // "the Dublin-based airline", "the German cable maker", "the loss-making chain": where it is or how it is
    // doing says nothing of which one it is, so those words need not be part of its name.
    private static IEnumerable<string> Modifiers(string description) =>
        description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipLast(1).Where(w => !SaysWhereOrHow(w));

    private static readonly HashSet<string> StateWords = new(StringComparer.Ordinal)
    {
        "listed", "troubled", "embattled", "struggling", "beleaguered", "loss-making", "debt-laden", "cash-strapped", "privately", "publicly",
    };

    private static bool SaysWhereOrHow(string word) =>
        char.IsUpper(word[0]) && word.Length > 1 && !word.All(char.IsUpper)
        || word.EndsWith("-based", StringComparison.Ordinal) || word.EndsWith("-owned", StringComparison.Ordinal) || word.EndsWith("-listed", StringComparison.Ordinal)
        || word.EndsWith("-headquartered", StringComparison.Ordinal) || StateWords.Contains(word);

    private static bool Describes(Attribution earlier, string word) =>
        earlier.Name.Contains(word, StringComparison.OrdinalIgnoreCase) || earlier.Evidence.Contains(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Catalogue sources named anywhere in a sentence, speaking or not ("Zelensky visited the
    /// front."), so that a later "he said" can find them.
    /// </summary>
    public IReadOnlyList<Attribution> Mentions(string sentence)
    {
        var found = new List<Attribution>();
        foreach (Match m in CapitalisedRun.Matches(sentence))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count > 0 && ClauseOpeners.Contains(words[0]))
            {
                words.RemoveAt(0);
            }

            // "Quill Pharma's revenue": the owner is named.
            var text = Regex.Replace(string.Join(' ', words), @"['’]s$", string.Empty);
            if (text.Length > 0 && !ClauseOpeners.Contains(text) && ResolveName(text) is (string name, int id))
            {
                // "the Allied Warehouse Workers union", "maker Ardlow Medical", "Haldersen Kabel, the German cable maker,":
                // what the text calls a known name says it is a body, for a later "the union said" or "the company said".
                var kindAfter = FollowingKind().Match(sentence, m.Index + m.Length) is { Success: true } after && KindOf(after.Groups["kind"].Value) is not null ? " " + after.Groups["kind"].Value : string.Empty;
                var kindAround = KindOf(WordBefore(sentence, m.Index)) ?? (KindInApposition().Match(sentence, m.Index + m.Length) is { Success: true } apposition ? KindOf(apposition.Groups["kind"].Value) : null);
                var evidence = kindAround is null ? m.Value + kindAfter : $"{kindAround} {m.Value}{kindAfter}";
                found.Add(new Attribution(m.Index, m.Index + m.Length, AttributionRole.Source, name, id, evidence, kindAround is null && kindAfter.Length == 0 && Person(text, name)) { IsMention = true });
            }
        }

        // Names the catalogue lacks, introduced by what they are: "Finance Minister Naomi Wambui",
        // "auto-parts maker Brenner Antriebe", so that "she said" and "the company said" find them.
        foreach (Match m in CapitalisedRun.Matches(sentence))
        {
            if (found.Any(f => f.Start < m.Index + m.Length && m.Index < f.End))
            {
                continue;
            }

            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('\'', '’', 's')).ToList();
            var role = words.FindLastIndex(w => IsRole(w.ToLowerInvariant()));
            var what = WordBefore(sentence, m.Index).ToLowerInvariant();
            var written = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (role < 0 && written.Length > 1 && KindOf(written[0]) is not null)
            {
                // "Chipmaker Lianhe Semiconductor" at the start of a sentence.
                what = written[0].ToLowerInvariant();
                written = written[1..];
            }

            // "University Hospital Rheinfeld": a name holding what it is, so that "the hospital said" finds it.
            var (name, isPerson) = role >= 0 && role < words.Count - 1 && words.Count - role - 1 <= 4
                ? (string.Join(' ', written.Skip(role + 1)), true)
                : role < 0 && (IsRole(what) || KindOf(what) is not null) ? (string.Join(' ', written), IsRole(what))
                : role < 0 && written.Length > 1 && CompanySuffixes.Contains(written[^1].TrimEnd('.')) ? (string.Join(' ', written), false)
                : role < 0 && written.Length > 1 && !m.Value.EndsWith('s') && written.Any(w => OrganisationWords.Contains(w) && !Connectors.Contains(w)) ? (string.Join(' ', written), false)
                : (null, false);
            var end = m.Index + m.Length;
            // "housing arranged by Kingsmere council, according to figures it published": a place's body in lower case is a body too.
            if (name is null && role < 0 && written.Length <= 3 && !m.Value.EndsWith('s') && !Determiners.Contains(written[0]) && !ClauseOpeners.Contains(written[0])
                && PlaceBodyAfter().Match(sentence, end) is { Success: true } placeBody)
            {
                (name, what, end) = ($"{m.Value} {placeBody.Groups["body"].Value}", placeBody.Groups["body"].Value, placeBody.Index + placeBody.Length);
            }

            var bodyKind = name is null && role < 0 ? UnnamedKindOfBody(sentence, m, written) : null;
            if (bodyKind is not null)
            {
                name = string.Join(' ', written.SkipWhile(w => w == "The")).TrimEnd('\'', '’').Replace("'s", string.Empty, StringComparison.Ordinal);
                what = bodyKind;
            }

            if (name is null || name.Length == 0 || ClauseOpeners.Contains(name.Split(' ')[0]))
            {
                continue;
            }

            var known = ResolveName(name);
            var evidence = role >= 0 ? m.Value : CompanySuffixes.Contains(written[^1].TrimEnd('.')) && KindOf(what) is null ? $"company {m.Value}" : $"{what} {m.Value}";
            found.Add(new Attribution(m.Index, end, AttributionRole.Source, known?.Name ?? name, known?.Id, evidence, isPerson) { IsMention = true });
        }

        return found;
    }

    // Last words of a sports club's name: "Kelso Athletic", "Dunmore Rovers", "Lindau FC".
    private static readonly HashSet<string> ClubSuffixes = new(StringComparer.Ordinal)
    {
        "FC", "AFC", "CF", "SC", "United", "Athletic", "Rovers", "Wanderers", "Albion", "Rangers", "Town", "Hotspur", "Olympique", "Sporting",
    };

    /// <summary>
    /// What a capitalised name is when nothing before it says so and its own words name no body:
    /// a club ("Kelso Athletic", "the Ashport Herons" opening a sentence) or a union ("the Allied
    /// Warehouse Workers union"), so that "the club said" or "the union said" finds it. Null otherwise.
    /// </summary>
    private static string? UnnamedKindOfBody(string sentence, Match m, string[] written)
    {
        var name = written.SkipWhile(w => w == "The").Select(w => w.TrimEnd('\'', '’')).ToArray();
        if (name.Length < 2 || name.Any(w => OrganisationWords.Contains(w) || IsRole(w.ToLowerInvariant())))
        {
            return null;
        }

        var next = sentence[(m.Index + m.Length)..].TrimStart();
        if (next.StartsWith("union", StringComparison.Ordinal) && (next.Length == 5 || !char.IsLetter(next[5])))
        {
            return "union";
        }

        // "Haldersen Kabel, the German cable maker, reported": the apposition says what it is.
        if (KindInApposition().Match(sentence, m.Index + m.Length) is { Success: true } apposition && KindOf(apposition.Groups["kind"].Value) is { } described)
        {
            return described;
        }

        var last = name[^1].EndsWith("'s", StringComparison.Ordinal) || name[^1].EndsWith("’s", StringComparison.Ordinal) ? name[^1][..^2] : name[^1];
        // "The Bayport Mariners drew 71,415": a team called by its plural opening the sentence.
        var pluralTeam = m.Index == 0 && written[0] == "The" && last.Length > 3 && last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal);
        return ClubSuffixes.Contains(last) || pluralTeam ? "club" : null;
    }

    [GeneratedRegex(@"\G\s+(?<kind>\p{Ll}+)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex FollowingKind();

    [GeneratedRegex(@"\G,\s+(?:the|a|an)\s+(?:[\p{L}\-]+\s+){0,3}(?<kind>\p{Ll}+),", RegexOptions.CultureInvariant)]
    private static partial Regex KindInApposition();

    private static readonly string[] PlaceAdjectiveEndings = ["an", "ian", "ean", "ese", "ish", "i", "e"];

    // A place and the adjectives made from it ("Argentina": Argentine, Argentinian), tried only against the catalogue.
    private static IEnumerable<string> PlaceForms(string place)
    {
        yield return place;
        var stem = place.EndsWith('a') || place.EndsWith('e') ? place[..^1] : place;
        foreach (var ending in PlaceAdjectiveEndings)
        {
            yield return stem + ending;
        }

        yield return place + "n";
    }

    private static readonly HashSet<string> InvertibleBodies = new(StringComparer.Ordinal) { "ministry", "department", "office", "bureau", "commission", "agency" };

    /// <summary>The catalogue source a name refers to, trying titles and possessives off; unknown names come back cleaned with a null id.</summary>
    public (string Name, int? Id)? ResolveName(string written)
    {
        var words = written.Trim().TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        if (Lookup(string.Join(' ', words)) is { } whole)
        {
            return (whole.Name, whole.Id);
        }

        while (words.Count > 1 && (Determiners.Contains(words[0]) || Titles.Contains(words[0].TrimEnd('.'))))
        {
            words.RemoveAt(0);
        }

        var cleaned = string.Join(' ', words);
        for (var skip = 0; skip < words.Count; skip++)
        {
            var suffix = string.Join(' ', words.Skip(skip));
            if (Lookup(suffix) is { } found)
            {
                return (found.Name, found.Id);
            }

            // "Ukraine's Security Service" is the "Security Service of Ukraine".
            if (Possessive.Match(suffix) is { Success: true } possessive
                && Lookup($"{possessive.Groups["rest"].Value} of {possessive.Groups["owner"].Value}") is { } owned)
            {
                return (owned.Name, owned.Id);
            }

            // "Indonesia's defence ministry" is the catalogue's "Indonesian defence ministry" or "Indonesia defence ministry".
            if (Possessive.Match(suffix) is { Success: true } ownedBy
                && PlaceForms(ownedBy.Groups["owner"].Value).Select(place => Lookup($"{place} {ownedBy.Groups["rest"].Value}")).FirstOrDefault(known => known is not null) is { } adjectival)
            {
                return (adjectival.Name, adjectival.Id);
            }

            // "the tourism ministry" is the catalogue's "Ministry of Tourism".
            if (words.Count - skip is 2 or 3 && InvertibleBodies.Contains(words[^1].ToLowerInvariant())
                && Lookup($"{words[^1]} of {string.Join(' ', words.Skip(skip).SkipLast(1))}") is { } inverted)
            {
                return (inverted.Name, inverted.Id);
            }
        }

        // "Zelensky" alone: the surname of exactly one catalogue name.
        if (words.Count == 1 && char.IsUpper(words[0][0]))
        {
            var key = NameKey.From(words[0]);
            var bySurname = byKey.Where(p => p.Key.EndsWith(" " + key, StringComparison.Ordinal)).Select(p => p.Value).Distinct().ToList();
            if (bySurname.Count == 1)
            {
                return (bySurname[0].Name, bySurname[0].Id);
            }
        }

        // "the civil protection agency" when the catalogue holds one "Ambrin civil protection agency",
        // "the coastguard" one "Marsenan coastguard": a description in lower case names the one known
        // body whose name ends with it.
        if ((words.Count >= 2 || OrganisationWords.Contains(words[0])) && words.All(w => char.IsLower(w[0])))
        {
            var key = NameKey.From(cleaned);
            var described = byKey.Where(p => p.Key.EndsWith(" " + key, StringComparison.Ordinal)).Select(p => p.Value).Distinct().ToList();
            // "the regional environment agency", "the state energy department": where it sits is not part of the name.
            var local = words.SkipWhile(w => LocalityWords.Contains(w)).ToList();
            if (described.Count == 0 && local.Count < words.Count && local.Count >= 2 && OrganisationWords.Contains(local[^1]))
            {
                var localKey = NameKey.From(string.Join(' ', local));
                described = byKey.Where(p => p.Key.EndsWith(" " + localKey, StringComparison.Ordinal) && !p.Key.Split(' ').Any(LevelWords.Contains)).Select(p => p.Value).Distinct().ToList();
            }

            if (described.Count == 1)
            {
                return (described[0].Name, described[0].Id);
            }
        }

        // "the Kremlin's spokesman Dmitry Peskov": the person after the title.
        var title = words.FindLastIndex(w => PersonHeads.Contains(w.TrimEnd('.')));
        if (title >= 0 && title < words.Count - 1 && words.Skip(title + 1).All(IsNameWord))
        {
            cleaned = string.Join(' ', words.Skip(title + 1));
        }

        // "Budget Controller Beatrice Omondi", "Colonel Idris Varga": the role is context, the person is the source.
        var lastRole = words.FindLastIndex(w => IsRole(w.TrimEnd('.').ToLowerInvariant()));
        if (lastRole >= 0 && words.Count - lastRole - 1 is >= 2 and <= 4
            && words.Skip(lastRole + 1).All(w => IsNameWord(w) && w.Any(char.IsLower) && !OrganisationWords.Contains(w) && !IsRole(w.ToLowerInvariant())))
        {
            cleaned = string.Join(' ', words.Skip(lastRole + 1));
        }

        // "the Independent Electoral Commission in Maseru": a body is itself wherever it sits.
        var placed = words.IndexOf("in");
        if (placed >= 2 && words.Take(placed).All(w => char.IsUpper(w[0])) && words.Take(placed).Any(OrganisationWords.Contains)
            && words.Skip(placed + 1).All(w => char.IsUpper(w[0])))
        {
            cleaned = string.Join(' ', words.Take(placed));
        }

        // "the civil defence institute" is the catalogue's "National Civil Defence Institute" when no other name holds those words.
        var wanted = NameKey.From(cleaned).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("in" or "of" or "the" or "at" or "from" or "for")).ToArray();
        if (wanted.Length >= 2)
        {
            var holders = byKey.Where(p => wanted.All(p.Key.Split(' ').Contains)).Select(p => p.Value).Distinct().ToList();
            if (holders.Count == 1)
            {
                return (holders[0].Name, holders[0].Id);
            }
        }

        // "UNORC" for the catalogue's "UN Office for Relief Coordination", and the other way round.
        if (words.Count == 1 && Acronym().IsMatch(words[0])
            && byInitials.GetValueOrDefault(words[0].ToLowerInvariant()) is { } abbreviated && abbreviated.Distinct().Count() == 1)
        {
            return (abbreviated[0].Name, abbreviated[0].Id);
        }

        if (Initials(cleaned) is { } initials && Lookup(initials) is { } spelledOut && Acronym().IsMatch(initials.ToUpperInvariant()))
        {
            return (spelledOut.Name, spelledOut.Id);
        }

        return NameKey.From(cleaned).Length == 0 ? null : (cleaned, null);
    }

    private static readonly HashSet<string> LocalityWords = new(StringComparer.Ordinal)
    {
        "regional", "state", "local", "provincial", "county", "city", "district", "municipal",
    };

    // A level of government in a catalogue name ("National Elections Office") that a description must not contradict.
    private static readonly HashSet<string> LevelWords = new(StringComparer.Ordinal) { "national", "federal", "central", "state", "regional", "provincial", "county", "municipal" };

    private SourceCandidate? Lookup(string name) => byKey.GetValueOrDefault(NameKey.From(name));

    // A name the report has shown to be a body ("Kaido Interactive said it sold") stays one.
    private bool Person(string written, string name) => !bodies.Contains(name) && IsPerson(written, name);

    private static bool IsPerson(string written, string name)
    {
        var words = (written + " " + name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '\'', '’')).ToList();
        var nameOnly = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Halvard Energy", "Sorano Motor": a company's last word makes it a body, however many capitals it has.
        if (nameOnly.Any(w => OrganisationWords.Contains(w) || w is "Team" or "Unit" or "Crew" or "Panel" or "Taskforce" or "Squad") || nameOnly.Length > 1 && CompanySuffixes.Contains(nameOnly[^1].TrimEnd('.')))
        {
            return false;
        }

        // "Treasury Cabinet Secretary Naomi Wambui": the role makes a person whatever body it names.
        if (!written.Contains(name, StringComparison.Ordinal) || written.Length == name.Length)
        {
            if (words.Any(w => OrganisationWords.Contains(w) || w.EndsWith("'s", StringComparison.Ordinal) && OrganisationWords.Contains(w[..^2])))
            {
                return false;
            }
        }
        else if (written[..written.IndexOf(name, StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => IsRole(w.ToLowerInvariant().TrimEnd('.'))))
        {
            return true;
        }
        else if (words.Any(w => OrganisationWords.Contains(w)))
        {
            return false;
        }

        if (words.Any(PersonHeads.Contains))
        {
            return true;
        }

        var nameWords = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return nameWords.Length is >= 2 and <= 4 && nameWords.All(w => char.IsUpper(w[0]) && w.Any(char.IsLower));
    }

    /// <summary>
    /// The speaker named by a phrase before a verb of saying, or null when the phrase is no noun
    /// phrase: names as they are, titles dropped before a person's name ("county registrar Tom
    /// Abernathy", "Lands Minister Kwesi Boateng"), descriptions dropped before a proper name
    /// ("the polling firm Pulso Datos"), "Abdul Wahid of the disaster agency" → the person, and
    /// common nouns kept ("traders", "the civil defence institute").
    /// </summary>
    internal static string? SpeakerName(string phrase)
    {
        phrase = Dateline().Replace(phrase, string.Empty);
        // "A consular official in Mexico City", "Officials in the Nirimi district": where an unnamed speaker sits is no part of
        // who it is.
        if (DescriptionInPlace().Match(phrase.Trim()) is { Success: true } placed)
        {
            phrase = placed.Groups["who"].Value;
        }

        phrase = TrailingTime().Replace(phrase, string.Empty);
        phrase = OwnersDocument().Replace(phrase, string.Empty);
        // "a study led by X", "the General Social Survey published by Stats NZ": who made the document speaks.
        if (MadeBy().Match(phrase) is { Success: true } madeBy)
        {
            phrase = phrase[(madeBy.Index + madeBy.Length)..];
        }

        // "the investigative outlet The Ledger Project", "the Lima daily The Andean Post": the name, article and all.
        if (KindThenTitle().Match(phrase.Trim()) is { Success: true } titled
            && (KindOf(titled.Groups["kind"].Value) is not null || OutletWords.Contains(titled.Groups["kind"].Value)))
        {
            return titled.Groups["name"].Value;
        }

        // "A gendarmerie source told", "an accident investigation commission spokeswoman said": the body speaks through them.
        if (UnnamedVoiceOfBody().Match(phrase.Trim()) is { Success: true } voice && !VoiceAdjectives.Contains(voice.Groups["body"].Value.Split(' ')[^1]))
        {
            return voice.Groups["body"].Value;
        }

        // "A spokeswoman for the Ministry of Justice", unnamed: the ministry speaks.
        if (SpokespersonFor().Match(phrase.Trim()) is { Success: true } spokespersonFor)
        {
            return spokespersonFor.Groups["body"].Value.TrimEnd('.', ' ');
        }

        // "a super PAC called Big Sky Forward": the name it is given.
        if (Called().Match(phrase) is { Success: true } called)
        {
            return called.Groups["name"].Value;
        }

        // "citing two members of Parliament's Public Accounts Committee": the committee's members, as "Defence officials".
        if (MembersOf().Match(phrase) is { Success: true } membersOf)
        {
            return $"{membersOf.Groups["body"].Value} {membersOf.Groups["group"].Value}";
        }

        // "citing two Defence officials": the officials, however many spoke.
        phrase = CountOfSpeakers().Replace(phrase, string.Empty);
        if (TrimName(phrase) is { } trimmed && trimmed.Length >= phrase.Trim().Length - 1)
        {
            return PersonOfBody(trimmed) ?? BodyOfPlace(trimmed) ?? PersonAfterRole(trimmed) ?? NamedAfterKind(trimmed) ?? trimmed;
        }

        var words = phrase.Trim().TrimEnd('.', ',').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var described = words.Count > 1 && Determiners.Contains(words[0]);
        while (words.Count > 1 && Determiners.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        // "saying …" opens no name, but "the polling firm Pulso Datos" does.
        if (words.Count is 0 or > 9 || words.Any(w => w.Any(char.IsDigit) && !Ordinal().IsMatch(w)) || ClauseOpeners.Contains(words[0])
            || Determiners.Contains(words[^1]) || Connectors.Contains(words[^1]) || !described && char.IsLower(words[0][0]) && words[0].EndsWith("ing", StringComparison.Ordinal))
        {
            return null;
        }

        // "two people familiar with the plan": anonymous sources are named by what they know.
        if (Familiar().Match(string.Join(' ', words)) is { Success: true } familiar)
        {
            return familiar.Groups["who"].Value;
        }

        // "Survivors brought ashore in the port", "residents evacuated from the valley": the group is
        // the speaker; the participle after it only says which members of it.
        var participle = words.FindIndex(1, w => char.IsLower(w[0]) && IsParticiple(w));
        if (participle > 0 && participle <= 3 && words.Take(participle).Skip(1).All(w => char.IsLower(w[0]) && !NotInNames.Contains(w))
            && IsGroupOfPeople(words[participle - 1]))
        {
            return string.Join(' ', words.Take(participle));
        }

        // "Officials at the port": a group placed by a description keeps it.
        if (words.Count is >= 4 and <= 6 && IsGroupOfPeople(words[0]) && words[1] is "at" or "from" or "in" && words[2] == "the" && words.Skip(3).All(w => char.IsLower(w[0]) && !NotInNames.Contains(w)))
        {
            return string.Join(' ', words);
        }

        // "Analysts at Straits Capital": the firm speaks. "the Crowd Counting Lab at the University of Castellan": a named body
        // placed inside a larger one is itself the speaker.
        var at = words.FindIndex(w => w is "at" or "from");
        if (at > 0 && at < words.Count - 1 && words.Skip(at + 1).All(w => char.IsUpper(w[0]) || Connectors.Contains(w)))
        {
            return words.Take(at).All(w => char.IsUpper(w[0]) || Connectors.Contains(w)) && (OrganisationWords.Contains(words[at - 1]) || UnitWords.Contains(words[at - 1]))
                ? string.Join(' ', words.Take(at))
                : string.Join(' ', words.Skip(at + 1));
        }

        // "Partners at the restructuring firm Brook Cartwright": what the firm is goes, the firm speaks.
        if (at > 0 && at < words.Count - 1 && IsGroupOfPeople(words[0].ToLowerInvariant())
            && words.Skip(at + 1).SkipWhile(w => w == "the").TakeWhile(w => char.IsLower(w[0])).ToList() is { Count: > 0 } description
            && (KindOf(description[^1]) is not null || OrganisationWords.Contains(description[^1]))
            && words.Skip(at + 1).SkipWhile(w => w == "the").Skip(description.Count).ToList() is { Count: > 0 } named
            && named.All(w => char.IsUpper(w[0]) || Connectors.Contains(w)))
        {
            return string.Join(' ', named);
        }

        // "Community leaders in Gidan Rafi": a group placed by a proper name keeps the place.
        var located = words.FindIndex(w => w is "in" or "from");
        if (located > 0 && located < words.Count - 1 && char.IsUpper(words[located + 1][0]) && words.Skip(located + 1).All(w => char.IsUpper(w[0]) || Connectors.Contains(w))
            && words.Take(located).All(w => !NotInNames.Contains(w.ToLowerInvariant())))
        {
            return string.Join(' ', words);
        }

        if (words.Any(w => NotInNames.Contains(w.ToLowerInvariant()) || NumberWords.Contains(w.ToLowerInvariant()))
            || words.Skip(1).Select((w, i) => Determiners.Contains(w) && !Connectors.Contains(words[i])).Any(b => b)
            || words.Any(w => char.IsLower(w[0]) && (w.EndsWith("ly", StringComparison.Ordinal) && KindOf(w) is null || w.EndsWith("ed", StringComparison.Ordinal))))
        {
            return null;
        }

        // "Abdul Wahid of the disaster agency": the person before "of".
        var of = words.IndexOf("of");
        if (of is >= 2 and <= 4 && words.Take(of).All(w => char.IsUpper(w[0])) && !words.Take(of).Any(w => OrganisationWords.Contains(w)))
        {
            return string.Join(' ', words.Take(of));
        }

        // A role word before a name: keep the name.
        var role = words.FindLastIndex(w => IsRole(w.TrimEnd('.').ToLowerInvariant()));
        var after = words.Skip(role + 1).ToList();
        if (role >= 0 && after.Count is >= 1 and <= 4 && after.All(w => char.IsUpper(w[0])))
        {
            return string.Join(' ', after);
        }

        // A lower-case description before a proper name: keep the proper name.
        var tail = words.Count;
        while (tail > 0 && char.IsUpper(words[tail - 1][0]))
        {
            tail--;
        }

        if (tail > 0 && tail < words.Count && char.IsLower(words[tail - 1][0]) && !Connectors.Contains(words[tail - 1]))
        {
            return string.Join(' ', words.Skip(tail));
        }

        var last = words[^1].ToLowerInvariant();
        if (last.EndsWith("ly", StringComparison.Ordinal) || last.EndsWith("ing", StringComparison.Ordinal) || Quantifiers.Contains(last))
        {
            return null;
        }

        return string.Join(' ', words);
    }

    [GeneratedRegex(@"^(?:(?:two|three|four|several|some|a\s+few|a)\s+)?(?<who>(?:people|persons|sources|officials|individuals|person|source|official)\s+(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|aware\s+of|involved\s+in)\s+.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Familiar();

    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.Ordinal)
    {
        "brought", "taken", "held", "caught", "left", "trapped", "found", "seen", "kept", "hit", "stuck", "shown", "driven", "flown",
        "given", "told", "sent", "put", "made", "known", "born", "hurt", "run", "struck", "shot", "forced", "working", "living",
        "staying", "waiting", "sheltering", "fleeing", "travelling", "traveling", "speaking", "camped",
    };

    // Who can speak as a group: "survivors", "relatives", "residents", "workers", "organisers".
    private static bool IsGroupOfPeople(string word)
    {
        var lower = word.ToLowerInvariant();
        return PeopleGroups.Contains(lower) || Heads.Contains(lower) && lower.EndsWith('s')
            || lower.Length > 5 && (lower.EndsWith("ers", StringComparison.Ordinal) || lower.EndsWith("ors", StringComparison.Ordinal) || lower.EndsWith("ists", StringComparison.Ordinal) || lower.EndsWith("ants", StringComparison.Ordinal));
    }

    private static readonly HashSet<string> PeopleGroups = new(StringComparer.Ordinal)
    {
        "survivors", "relatives", "families", "residents", "villagers", "locals", "witnesses", "passengers", "people", "men", "women",
        "children", "parents", "students", "police", "troops", "soldiers", "staff", "crew", "crews", "fishermen", "evacuees",
        "refugees", "migrants", "officials", "sources", "doctors", "medics", "nurses", "rescuers", "firefighters", "neighbours", "neighbors",
    };

    // "a spokesman for the firm": the body as the description names it, found like "the firm said".
    [GeneratedRegex(@"^(?:(?i:a|an|the)\s+)?(?:spokesman|spokeswoman|spokesperson|representative)\s+(?:for|of|at|from)\s+(?:(?:the\s+)?(?<body>\p{Lu}.*)|(?<body>(?:the|its|their)\s+[\p{Ll}\-]+(?:\s+[\p{Ll}\-]+){0,2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex SpokespersonFor();

    [GeneratedRegex(@"(?<=(?:\d|%|\d\s?(?:[mb]n?|million|billion|trillion|per\s+cent|percent))(?:\s+[\p{Ll}\-]+){0,2}\s+(?:that\s+)?)(?<x>(?:the\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{M}.\-]*){0,4}(?:\s+\p{Ll}{3,}s)?|(?:analysts|economists|experts|forecasters|traders|investors|officials|organisers|organizers|police|unions|the\s+union|the\s+company|the\s+government)(?:\s+(?:polled|surveyed)\s+by\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*){0,3})?)\s+(?:had\s+|have\s+|has\s+)?(?:expected|forecast|predicted|estimated|projected|says|say|said|believes|believe|reckons|reckoned|estimates|expect)(?=\s+(?:is|was|were|are|would|will|had|has)\s|\s*[,;.]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedSpeaker();

    [GeneratedRegex(@"(?<![\p{L}])what\s+(?<x>(?:the\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{M}.\-]*){0,4}(?:\s+\p{Ll}{3,}s)?|(?:analysts|economists|experts|forecasters|traders|investors|officials|organisers|organizers|police|unions|the\s+union|the\s+company|the\s+government)(?:\s+(?:polled|surveyed)\s+by\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*){0,3})?)\s+(?:expected|forecast|predicted|estimated|projected|says|say|said|believes|believe|reckons|reckoned|estimates|expect)\s+(?:was|were|is|are|would\s+be|will\s+be)(?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex WhatSpeakerSays();

    [GeneratedRegex(@"^(?<x>\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*){0,4})\s+(?:figures|data|statistics|numbers|estimates)\s+(?:compiled|collected|gathered)\s+by\s+(?<y>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnersFiguresCompiledBy();

    [GeneratedRegex(@"(?<![\p{L}])(?:in|from|by)\s+an?\s+(?<x>\p{Lu}[\p{L}\p{M}.\-]*(?:\s+\p{Lu}[\p{L}\p{M}.\-]*){0,4})\s+(?:poll|survey)\s+of(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex PollBy();

    [GeneratedRegex(@"^(?:(?i:a|an)\s+(?<body>(?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}\-]+)\s+(?:spokesman|spokeswoman|spokesperson|source)|(?i:two|three|four|several)\s+(?<body>(?:[\p{Ll}\-]+\s+){0,2}(?:ministry|department|agency|police|government|company|commission|office|army|military|regulator))\s+(?:officials|sources|spokespeople))$", RegexOptions.CultureInvariant)]
    private static partial Regex UnnamedVoiceOfBody();

    // "a senior source", "a diplomatic source": words that say what kind of voice, not whose.
    private static readonly HashSet<string> VoiceAdjectives = new(StringComparer.Ordinal)
    {
        "senior", "junior", "diplomatic", "western", "informed", "well-placed", "reliable", "anonymous", "second", "separate", "other",
        "close", "knowledgeable", "local", "regional", "foreign", "top", "former", "independent", "official", "industry", "security",
    };

    private static bool LoneSurname(string name) =>
        !name.Contains(' ', StringComparison.Ordinal) && name.Length > 2 && char.IsUpper(name[0]) && name.Skip(1).All(char.IsLower)
        && !OrganisationWords.Contains(name) && !CompanySuffixes.Contains(name) && KindOf(name) is null;

    private static bool NamesABody(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsUpper(w[0]) || OrganisationWords.Contains(w) || Heads.Contains(w) || KindOf(w) is not null);

    private static bool IsParticiple(string word) =>
        IrregularParticiples.Contains(word) || word.Length > 5 && word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("eed", StringComparison.Ordinal);

    [GeneratedRegex(@"\s(?:called|named|known\s+as)\s+(?<name>\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+(?:(?:of|for|the|and)\s+)?\p{Lu}[\p{L}\p{M}.'’\-]*){0,5})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Called();

    [GeneratedRegex(@"^(?i:the\s+)?(?<body>(?:\p{Ll}+\s+){0,3}\p{Ll}+)\s+of\s+(?<place>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex BodyOf();

    // "the health ministry of Kanura" is the "Kanura health ministry": the place leads, as catalogues file it.
    private static string? BodyOfPlace(string name) =>
        BodyOf().Match(name) is { Success: true } m && OrganisationWords.Contains(m.Groups["body"].Value.Split(' ')[^1])
            ? $"{m.Groups["place"].Value} {m.Groups["body"].Value}"
            : null;

    // "U.S. Secretary of State Antony Blinken", "Minister of Health Ana Ruiz": the person after the role and its department.
    private static string? PersonAfterRole(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var role = Array.FindLastIndex(words, w => IsRole(w.TrimEnd('.').ToLowerInvariant()));
        if (role < 0)
        {
            return null;
        }

        var at = role + 1;
        if (at < words.Length && words[at] is "of" or "for")
        {
            at += at + 1 < words.Length && words[at + 1].Equals("the", StringComparison.OrdinalIgnoreCase) ? 3 : 2;
        }

        var person = words.Skip(at).ToList();
        return at > role + 1 && person.Count is >= 2 and <= 4 && person.All(w => char.IsUpper(w[0]) && w.Any(char.IsLower) && !OrganisationWords.Contains(w) && !IsRole(w.ToLowerInvariant()))
            ? string.Join(' ', person)
            : null;
    }

    // "Rail operator Nordbahn", "budget carrier Skyhop": what the body is, then its name.
    private static string? NamedAfterKind(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kind = Array.FindLastIndex(words, w => char.IsLower(w[0]) && KindOf(w) is not null);

        return kind >= 0 && kind < words.Length - 1 && words.Skip(kind + 1).All(w => char.IsUpper(w[0])) ? string.Join(' ', words.Skip(kind + 1)) : null;
    }

    // "Mei Lin of Boston University": a person's name, then the body the person belongs to.
    private static string? PersonOfBody(string name)
    {
        // "Chief Inspector Dana Whitfield of Avonshire Police": the roles before the name go too.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => IsRole(w.TrimEnd('.').ToLowerInvariant())).ToArray();
        var of = Array.IndexOf(words, "of");
        return of is >= 2 and <= 4 && of < words.Length - 1
            && words.Take(of).All(w => char.IsUpper(w[0]) && w.Any(char.IsLower) && !OrganisationWords.Contains(w) && !IsRole(w.ToLowerInvariant()))
            && words.Skip(of + 1).Any(w => OrganisationWords.Contains(w) || w.StartsWith("Univers", StringComparison.Ordinal))
            ? string.Join(' ', words.Take(of))
            : null;
    }

    /// <summary>The name-like words of a phrase ("the provincial governor", "Ukraine's General Staff"), or null when it is not a name.</summary>
    private static string? TrimName(string phrase)
    {
        var words = phrase.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        var sawName = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var bare = word.TrimEnd('.');
            if (kept.Count == 0 && Determiners.Contains(word))
            {
                kept.Add(word);
                continue;
            }

            // "Channel 9", "Radio 4": a short number closing a name is part of it.
            if (sawName && i == words.Length - 1 && bare.Length is > 0 and <= 2 && bare.All(char.IsDigit) && char.IsUpper(words[i - 1][0]))
            {
                kept.Add(word);
                continue;
            }

            if (bare.Length == 0 || bare.Any(char.IsDigit))
            {
                break;
            }

            if (char.IsUpper(bare[0]))
            {
                if (kept.Count == 0 && ClauseOpeners.Contains(bare))
                {
                    return null;
                }

                kept.Add(word);
                sawName = true;
                continue;
            }

            var headAhead = words.Skip(i).Take(3).Any(w => Heads.Contains(w.TrimEnd('.')));
            // "Centre for Disease Control and Prevention", "Ministry of Trade and Industry": "and" inside an institution's name.
            var joinsInstitution = bare == "and" && sawName && i + 1 < words.Length && char.IsUpper(words[i + 1][0])
                && kept.Any(w => OrganisationWords.Contains(w)) && kept.Any(w => Connectors.Contains(w));
            // "Minister of the Interior": "of the" inside a name.
            var ofThe = sawName && bare is "of" or "for" && i + 2 < words.Length && words[i + 1] == "the" && char.IsUpper(words[i + 2][0]);
            if (ofThe)
            {
                kept.Add(word);
                kept.Add(words[++i]);
                continue;
            }

            if (Heads.Contains(bare) || headAhead && !Connectors.Contains(bare) || sawName && Connectors.Contains(bare) && i + 1 < words.Length && char.IsUpper(words[i + 1][0]) || joinsInstitution)
            {
                kept.Add(word);
                sawName |= Heads.Contains(bare);
                continue;
            }

            break;
        }

        while (kept.Count > 0 && (Connectors.Contains(kept[^1]) || Determiners.Contains(kept[^1])))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        if (!sawName || kept.Count == 0 || kept.Count > 9)
        {
            return null;
        }

        return string.Join(' ', kept);
    }

    [GeneratedRegex(@"^(?:an?|the)\s+(?:[\p{Ll}\-]+\s+){0,2}(?:report|article|story|dispatch|editorial|investigation|broadcast|bulletin)\s+(?:in|on)\s+(?<outlet>(?:the\s+)?\p{Lu}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportInOutlet();

    [GeneratedRegex(@"^(?:seen|obtained|reviewed|viewed)(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SeenBy();

    [GeneratedRegex(@"(?:memo|memos|document|documents|draft|letter|report|email|emails|data|figures|papers|copy|filing|plan|proposal|records|minutes|presentation|note|contract|budget|audit|study|survey|analysis|assessment|estimate|estimates)\s+(?:seen|obtained|reviewed|viewed)(?:\s+[^,;:]{1,50}?)?\s+by\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex SeenByInside();

    // "a report published on Thursday by the safety board": a time between the participle and "by" does not hide the maker.
    [GeneratedRegex(@"\s(?:led|published|released|issued|conducted|carried\s+out|produced|prepared|compiled|commissioned)(?:\s+(?:on|in|at|last|this|late|early|overnight|yesterday|today)(?:\s+[\p{L}\d]+){0,2})?\s+by\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex MadeBy();

    [GeneratedRegex(@"^(?:(?i:the|a|an)\s+)?(?:[\p{L}\-]+\s+){0,3}?(?<kind>\p{Ll}+)\s+(?<name>(?:The\s+)?\p{Lu}[\p{L}\p{M}.+\-]*(?:\s+\p{Lu}[\p{L}\p{M}.+\-]*){0,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex KindThenTitle();

    private static readonly HashSet<string> OutletWords = new(StringComparer.Ordinal)
    {
        "daily", "weekly", "outlet", "newspaper", "paper", "broadcaster", "magazine", "site", "website", "tabloid", "channel", "station",
        "agency", "group", "firm", "charity", "organisation", "organization", "journal", "network", "consultancy", "pollster", "institute",
    };

    // "a survey published on Thursday", "a study led by X and published in a journal": when and where a document appeared is not who
    // made it. "published on Thursday by the safety board" names the maker, so it stays for SpeakerName.
    private static string WithoutTrailingParticiple(string phrase) =>
        TrailingParticiple().Replace(phrase, m => MadeBy().IsMatch(m.Value) ? m.Value : string.Empty);

    [GeneratedRegex(@"(?:,|\s+and)?\s+(?:published|released|issued|posted|presented|unveiled|circulated|shared|made\s+public)(?:\s+(?:on|in|at|last|this|late|early|overnight|yesterday|today|to|\p{Lu}\p{Ll}+day)\b.*)?$|,?\s+based\s+on\s.*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParticiple();

    [GeneratedRegex(@"\G\s(?<body>council|police|government|ministry|authority|department|court|army|board|commission|coastguard|regulator|parliament|assembly)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceBodyAfter();

    [GeneratedRegex(@"^(?<who>(?:(?i:an?|the)\s+)?(?:\p{Ll}[\p{Ll}\-]*\s+){0,2}(?:\p{Ll}[\p{Ll}\-]*|Officials))\s+in\s+(?:the\s+)?\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)*(?:\s+(?:district|region|province|county|state|city|area))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionInPlace();

    [GeneratedRegex(@"(?<![\p{L}])(?:the\s+)?(?<name>\p{Lu}[\p{L}\p{M}.&'’\-]*(?:\s+(?:(?:of|for|the|and)\s+)?\p{Lu}[\p{L}\p{M}.&'’\-]*){1,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex NameBeforeComma();

    // A name of two or more capitalised words with a word that makes it a body: no person, no place alone.
    private static bool IsOrganisationName(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } words && words.Any(w => OrganisationWords.Contains(w) || CompanySuffixes.Contains(w));

    [GeneratedRegex(@"(?:(?i:according\s+to)|said|says|told)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}.'’&\-]*(?:\s+(?:(?:of|for|the|and)\s+)?\p{Lu}[\p{L}\p{M}.'’&\-]*)*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerNamedJustBefore();

    [GeneratedRegex(@"^\s*(?i:an?)\s", RegexOptions.CultureInvariant)]
    private static partial Regex IndefiniteDescription();

    [GeneratedRegex(@"^(?<head>(?:the|a|an)\s+(?:[\p{Ll}\-]+\s+)?(?:league|union|association|federation|group|council|body|alliance|coalition|committee|network|lobby|forum|organisation|organization))\s+(?:representing|speaking\s+for|running|organising|organizing)\s+\S.*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BodyRepresenting();

    [GeneratedRegex(@"^(?:counted|counts|recorded|registered|logged|tallied)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountingVerb();

    [GeneratedRegex(@"(?<![\p{L}])(?:said|says|told|telling|saying|added|adding|insisted|insisting|claimed|claiming)(?![\p{L}])[^.;:“”""]{0,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeechBeforeThat();

    [GeneratedRegex(@"^(?:an?\s+|the\s+)?(?:copy|copies|draft|version|extract|summary)\s+of\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CopyOf();

    [GeneratedRegex(@"^(?<x>.+?)\s+via\s+(?<y>(?:the\s+)?\p{Lu}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ViaInside();

    [GeneratedRegex(@"^(?:the\s+)?(?:data|figures|records|readings|footage|images|logs|statistics|results)\s+(?:from|of)\s", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EvidenceSubject();

    // "Its leader, Tomas Berg, called the result historic and said": the person the opening description names.
    [GeneratedRegex(@"\G(?:Its|Their|His|Her|The(?:\s+\p{Lu}[\p{L}\-]*['’]s)?)\s+(?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}\-]+,\s+(?<name>\p{Lu}[\p{L}\p{M}.'’\-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’\-]+){1,3}),", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDescribedPerson();

    // "The federation's president, speaking on Radio One, put": an officer named by the body they serve.
    [GeneratedRegex(@"^(?i:the)\s+[\p{Ll}\-]+['’]s\s+(?:[\p{Ll}\-]+\s+){0,2}(?:president|secretary|chairman|chairwoman|chair|director|chief|head|leader|spokesman|spokeswoman|spokesperson|minister|governor|mayor|commissioner|treasurer|general\s+secretary)$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnersOfficer();

    // "Analysts at Brightwater Capital cut …, predicting": people of a named body opening the sentence.
    [GeneratedRegex(@"\G\p{Lu}\p{Ll}+s\s+(?:at|from)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+(?:(?:of|for|&)\s+)?\p{Lu}[\p{L}\p{M}.'’\-]*)*(?=[\s,])", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPeopleAtBody();

    // "But the union said", "On the same day the liquidators said", "Late on Friday the ministry said": no part of the subject.
    [GeneratedRegex(@"^(?:(?:But|And|Yet|Still|However|Meanwhile|Separately|Instead)\s*,?\s+|(?:(?:Late|Early|Later|Earlier)\s+)?On\s+(?:the\s+same\s+day|that\s+day|the\s+(?:following|next|previous)\s+day|\p{Lu}\p{Ll}+day(?:\s+(?:morning|afternoon|evening|night))?)\s+(?=\p{Ll}+\s+\p{Ll}|\p{Lu}))(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingConjunction();

    private static int DatelineLength(string sentence) => Dateline().Match(sentence) is { Success: true } d ? d.Length : 0;

    private static string WordBefore(string sentence, int at)
    {
        var end = at;
        while (end > 0 && char.IsWhiteSpace(sentence[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsLetter(sentence[start - 1]) || sentence[start - 1] == '-'))
        {
            start--;
        }

        return sentence[start..end];
    }

    // "al-Baraka", "bin Khalid": a particle in lower case joined to a capitalised name is part of it.
    private static bool IsNameWord(string word) => char.IsUpper(word[0]) || ParticleName().IsMatch(word);

    [GeneratedRegex(@"^(?:al|el|ad|ash|abu|ibn|bin)-\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex ParticleName();

    private static bool IsPronoun(string text) => text.ToLowerInvariant() is "he" or "she" or "it" or "they" or "we";

    private static bool IsProperName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 5 && !ClauseOpeners.Contains(words[0])
            && words.All(w => char.IsUpper(w[0]) || Connectors.Contains(w)) && !words.Any(w => w.Any(char.IsDigit));
    }

    // "Yonhap, citing the JCS, said": the name just before ", citing".
    private static string? CitingSubject(string sentence, int citingAt)
    {
        var end = citingAt;
        while (end > 0 && (char.IsWhiteSpace(sentence[end - 1]) || sentence[end - 1] == ','))
        {
            end--;
        }

        var start = sentence.LastIndexOfAny([',', ';', ':', '.'], Math.Max(0, end - 1)) + 1;
        var text = sentence[start..end].Trim();
        return IsProperName(text) ? text : null;
    }

    private enum Kind { Direct, Reporter, According, Cited, Relay }

    private sealed record Raw(int Start, int End, string Name, string Evidence, Kind Kind)
    {
        public string? RelayName { get; init; }
        public bool CommaAnchored { get; init; }
        public bool FramesClause { get; init; }
        public bool IsBody { get; init; }
        public bool SpeaksForward { get; init; }
        public bool RequiresKnown { get; init; }
        public bool OwnsPrecedingFigure { get; init; }
        public bool OwnsFollowingFigure { get; init; }
        public int? ReachEnd { get; init; }
        public bool Bargains { get; init; }
    }
}
