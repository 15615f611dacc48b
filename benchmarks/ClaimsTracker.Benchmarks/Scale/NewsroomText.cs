using System.Globalization;
using ClaimsTracker.Domain.Figures;

namespace ClaimsTracker.Benchmarks.Scale;

/// <summary>
/// Word lists and sentence patterns for generated news reports: varied enough that full-text
/// search, name filters and aliases behave as on real copy, deterministic for a given seed.
/// </summary>
public static class NewsroomText
{
    public static readonly string[] Places =
    [
        "Kharkiv", "Sumy", "Kursk", "Belgorod", "Zaporizhzhia", "Kherson", "Mykolaiv", "Odesa", "Dnipro", "Pokrovsk",
        "Bakhmut", "Avdiivka", "Kupiansk", "Lyman", "Chasiv Yar", "Toretsk", "Vovchansk", "Izium", "Sloviansk", "Kramatorsk",
        "Khan Younis", "Rafah", "Gaza City", "Deir al-Balah", "Jabalia", "El Fasher", "Omdurman", "Khartoum", "Nyala", "Goma",
        "Bukavu", "Rutshuru", "Mogadishu", "Kismayo", "Aleppo", "Idlib", "Deir ez-Zor", "Marib", "Hodeidah", "Taiz",
        "Port-au-Prince", "Cap-Haitien", "Mandalay", "Sagaing", "Lashio", "Tigray", "Amhara", "Kidal", "Gao", "Timbuktu",
    ];

    private static readonly string[] FirstNames =
    [
        "Olena", "Andriy", "Maria", "Yusuf", "Amina", "Dmitri", "Fatima", "Samuel", "Leila", "Tomas", "Ingrid", "Kwame",
        "Mei", "Rahul", "Sofia", "Ibrahim", "Nadia", "Pavel", "Grace", "Omar", "Elena", "Jean", "Hana", "Mateus",
        "Zainab", "Viktor", "Aisha", "Luca", "Chloe", "Hassan", "Irina", "Felix", "Noura", "Kenji", "Rosa", "Tariq",
    ];

    private static readonly string[] LastNames =
    [
        "Marchuk", "Kovalenko", "Haddad", "Okafor", "Petrov", "Nasser", "Lindqvist", "Mensah", "Chen", "Sharma",
        "Alvarez", "Abdi", "Volkov", "Mwangi", "Rossi", "Dubois", "Tanaka", "Khalil", "Novak", "Oliveira",
        "Hussein", "Moreau", "Ivanova", "Boateng", "Schmidt", "Karimi", "Yilmaz", "Santos", "Bakr", "Horvat",
        "Lebedev", "Adeyemi", "Fischer", "Rahman", "Popescu", "Garcia", "Sato", "Mahmoud", "Kowalski", "Nkemelu",
    ];

    private static readonly string[] Roles =
    [
        "regional governor", "military spokesperson", "health ministry official", "aid agency coordinator", "mayor",
        "police chief", "emergency services head", "human rights monitor", "defence analyst", "hospital director",
        "border guard spokesperson", "UN envoy", "local council member", "army commander", "relief worker",
    ];

    private static readonly string[] Organisations =
    [
        "Ministry of Health", "Civil Defence Directorate", "Red Crescent Society", "Emergency Relief Office", "General Staff",
        "Border Guard Service", "Human Rights Mission", "Refugee Council", "Prosecutor's Office", "Interior Ministry",
        "Regional Military Administration", "World Food Programme office", "Medical Relief Network", "Monitoring Group",
        "Demining Centre", "Statistics Bureau", "Coroner's Office", "Displacement Tracking Unit", "Press Service",
    ];

    private static readonly string[] OutletWords =
    [
        "Herald", "Courier", "Tribune", "Observer", "Gazette", "Dispatch", "Post", "Chronicle", "Monitor", "Wire",
        "Times", "Journal", "Bulletin", "Record", "Sentinel", "Review", "Standard", "Independent", "Express", "Daily",
    ];

    /// <summary>What metrics measure, with the words a reporter uses for them.</summary>
    public static readonly (string Name, string Noun, string Verb)[] Quantities =
    [
        ("Civilians killed", "civilians", "were killed"), ("Civilians wounded", "civilians", "were wounded"),
        ("Soldiers killed", "soldiers", "were killed"), ("Prisoners taken", "prisoners", "were taken"),
        ("People displaced", "people", "were displaced"), ("Aid trucks admitted", "aid trucks", "were let through"),
        ("Homes destroyed", "homes", "were destroyed"), ("Drones shot down", "drones", "were shot down"),
        ("Missiles launched", "missiles", "were launched"), ("Hospital admissions", "patients", "were admitted to hospital"),
        ("Children evacuated", "children", "were evacuated"), ("Detainees released", "detainees", "were released"),
        ("Casualties reported", "casualties", "were reported"), ("Refugees registered", "refugees", "were registered"),
        ("Schools damaged", "schools", "were damaged"), ("People missing", "people", "remain missing"),
    ];

    private static readonly string[] Openings =
    [
        "Fighting continued overnight around {0}, officials said on {1}.",
        "Residents of {0} spent another night in shelters as the shelling went on.",
        "Figures released on {1} give a fresh picture of the toll in {0}.",
        "Aid workers in {0} warned that the numbers could still rise.",
        "The situation in {0} remained tense on {1}, with conflicting accounts of the losses.",
        "Local authorities in {0} published new figures after a week of heavy strikes.",
    ];

    private static readonly string[] Fillers =
    [
        "The figures could not be independently verified.",
        "Earlier estimates had been considerably lower.",
        "Rescue teams were still searching the rubble late in the evening.",
        "Officials cautioned that the count was preliminary.",
        "The claim was disputed by the other side, which gave no figures of its own.",
        "Journalists were not allowed into the area to check the reports.",
        "Hospitals in the region said they were running short of supplies.",
        "A spokesperson declined to say how the number had been reached.",
        "Satellite images taken the same week showed widespread damage.",
        "Casualties among civilians have risen steadily since the start of the month.",
    ];

    private static readonly string[] SayingVerbs = ["said", "told reporters", "wrote on social media", "said in a statement", "told a briefing"];

    public static string PersonName(Random random) =>
        $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    public static string PersonDescription(Random random, string place) => $"{Roles[random.Next(Roles.Length)]}, {place}";

    public static string OrganisationName(Random random) =>
        $"{Places[random.Next(Places.Length)]} {Organisations[random.Next(Organisations.Length)]}";

    public static string OutletName(Random random) =>
        $"The {Places[random.Next(Places.Length)]} {OutletWords[random.Next(OutletWords.Length)]}";

    /// <summary>An alias the way newsrooms shorten a name: initials for organisations, a surname for people.</summary>
    public static string AliasOf(string name, bool isPerson)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return isPerson
            ? $"{words[0][0]}. {words[^1]}"
            : string.Concat(words.Where(w => char.IsUpper(w[0])).Select(w => w[0]));
    }

    public static string Opening(Random random, string place, DateOnly day) =>
        string.Format(CultureInfo.InvariantCulture, Openings[random.Next(Openings.Length)], place, day.ToString("d MMMM", CultureInfo.InvariantCulture));

    public static string Filler(Random random) => Fillers[random.Next(Fillers.Length)];

    public static string Title(Random random, string quantityNoun, string place) => random.Next(4) switch
    {
        0 => $"Toll of {quantityNoun} in {place} disputed as new figures emerge",
        1 => $"{place}: officials give conflicting counts of {quantityNoun}",
        2 => $"How many {quantityNoun}? Numbers from {place} diverge",
        _ => $"New strikes on {place} as {quantityNoun} count rises",
    };

    /// <summary>The words as a reporter writes the figure, matching its qualifier.</summary>
    public static string AsWritten(Qualifier qualifier, decimal value, decimal? high)
    {
        var number = value.ToString("#,0", CultureInfo.InvariantCulture);
        return qualifier switch
        {
            Qualifier.Approximately => $"about {number}",
            Qualifier.MoreThan => $"more than {number}",
            Qualifier.UpTo => $"up to {number}",
            Qualifier.AtLeast => $"at least {number}",
            Qualifier.Range => $"{number} to {high!.Value.ToString("#,0", CultureInfo.InvariantCulture)}",
            _ => number,
        };
    }

    /// <summary>A quotable sentence carrying every figure of one claim.</summary>
    public static string ClaimSentence(Random random, string source, IReadOnlyList<(string Written, int Quantity)> figures, string place)
    {
        var parts = figures.Select(f => $"{f.Written} {Quantities[f.Quantity].Noun} {Quantities[f.Quantity].Verb}").ToList();
        var list = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        return $"{source} {SayingVerbs[random.Next(SayingVerbs.Length)]} that in {place} {list}.";
    }
}
