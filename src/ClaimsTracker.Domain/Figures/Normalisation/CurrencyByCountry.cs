using System.Text.RegularExpressions;

namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>
/// Currencies several countries name alike ("shillings", "pesos", "rupees", "dinars", "francs", "pounds",
/// "crowns", "riyals"):
/// the parser gives the most common one (KES, MXN, INR …); the country the report is about decides.
/// A report that names countries of two different currencies keeps the default.
/// </summary>
public static class CurrencyByCountry
{
    private const RegexOptions Flags = RegexOptions.CultureInvariant;

    private static readonly (Regex Word, string Default, (Regex Hint, string Code)[] Countries)[] Families =
    [
        (Word("shillings?|Sh(?=\\d)"), "KES",
        [
            (Hint("Tanzanian?|Dar es Salaam|Dodoma|Zanzibar"), "TZS"), (Hint("Ugandan?|Kampala"), "UGX"),
            (Hint("Somalia|Somali|Mogadishu"), "SOS"), (Hint("Kenyan?|Nairobi|Mombasa|Kisumu"), "KES"),
        ]),
        (Word("pesos?|centavos?"), "MXN",
        [
            (Hint("Chile(?:an)?|Santiago"), "CLP"), (Hint("Argentina|Argentine|Argentinian|Buenos Aires"), "ARS"),
            (Hint("Colombian?|Bogot[aá]|Medell[ií]n"), "COP"), (Hint("Philippines|Philippine|Filipino|Manila"), "PHP"),
            (Hint("Uruguay(?:an)?|Montevideo"), "UYU"), (Hint("Dominican Republic|Santo Domingo"), "DOP"),
            (Hint("Mexic(?:o|an)|Monterrey|Guadalajara"), "MXN"),
        ]),
        (Word("rupees?"), "INR",
        [
            (Hint("Pakistani?|Islamabad|Karachi|Lahore"), "PKR"), (Hint("Sri Lankan?|Colombo"), "LKR"),
            (Hint("Nepali?|Nepalese|Kathmandu"), "NPR"), (Hint("Mauritius|Mauritian"), "MUR"),
            (Hint("India|Indian|New Delhi|Mumbai|Bengaluru|Chennai|Kolkata"), "INR"),
        ]),
        (Word("dinars?"), "DZD",
        [
            (Hint("Iraqi?|Baghdad|Basra|Erbil"), "IQD"), (Hint("Jordanian|Jordan|Amman"), "JOD"), (Hint("Kuwaiti?"), "KWD"),
            (Hint("Tunisian?|Tunis"), "TND"), (Hint("Serbian?|Belgrade"), "RSD"), (Hint("Libyan?|Tripoli|Benghazi"), "LYD"),
            (Hint("Bahraini?|Manama"), "BHD"), (Hint("Algerian?|Algiers"), "DZD"),
        ]),
        (Word("francs?"), "CHF",
        [
            (Hint("Rwandan?|Kigali"), "RWF"), (Hint("Burundi|Burundian|Bujumbura"), "BIF"), (Hint("Kinshasa|DR Congo|Democratic Republic of (?:the )?Congo"), "CDF"),
            (Hint("Guinean?|Conakry"), "GNF"), (Hint("Senegal|Senegalese|Dakar|Mali|Malian|Bamako|Ivory Coast|Ivorian|Côte d['’]Ivoire|Abidjan|Burkina Faso|Ouagadougou|Niger|Niamey|Benin|Togo|Lomé"), "XOF"),
            (Hint("Cameroon|Cameroonian|Yaoundé|Douala|Gabon|Libreville|Chad|N['’]Djamena|Central African Republic|Bangui"), "XAF"),
            (Hint("Swiss|Switzerland|Zurich|Geneva|Bern"), "CHF"),
        ]),
        (Word("pounds?"), "GBP",
        [
            (Hint("Egypt(?:ian)?|Cairo|Alexandria"), "EGP"), (Hint("Lebanese|Lebanon|Beirut"), "LBP"), (Hint("Sudanese|Sudan|Khartoum"), "SDG"),
            (Hint("Syrian?|Damascus"), "SYP"), (Hint("British|Britain|UK|England|London|Scotland|Wales"), "GBP"),
        ]),
        (Word("crowns?|kronor"), "SEK",
        [
            (Hint("Norw(?:ay|egian)|Oslo|Bergen"), "NOK"), (Hint("Denmark|Danish|Copenhagen"), "DKK"),
            (Hint("Czech|Prague|Brno"), "CZK"), (Hint("Iceland(?:ic)?|Reykjav[ií]k"), "ISK"), (Hint("Swed(?:en|ish)|Stockholm|Gothenburg"), "SEK"),
        ]),
        (Word("kwacha|K(?=\\d)"), "MWK", [(Hint("Zambian?|Lusaka|Copperbelt|Kitwe|Ndola"), "ZMW"), (Hint("Malawian?|Lilongwe|Blantyre"), "MWK")]),
        (Word("kroner"), "DKK", [(Hint("Norw(?:ay|egian)|Oslo|Bergen"), "NOK"), (Hint("Denmark|Danish|Copenhagen"), "DKK")]),
        (Word("riyals?|rials?"), "SAR",
        [
            (Hint("Iran(?:ian)?|Tehran"), "IRR"), (Hint("Oman(?:i)?|Muscat"), "OMR"), (Hint("Qatar(?:i)?|Doha"), "QAR"),
            (Hint("Yemen(?:i)?|Sanaa|Aden"), "YER"), (Hint("Saudi|Riyadh|Jeddah"), "SAR"),
        ]),
    ];

    /// <summary>
    /// The currency of a money figure written with a currency word, read from the country named in
    /// <paramref name="sentence"/> or else in <paramref name="document"/>; <paramref name="unit"/> unchanged otherwise.
    /// A rate keeps its period ("KES/month" → "TZS/month").
    /// </summary>
    public static string? Resolve(string written, string? unit, string sentence, string? document)
    {
        if (unit is null)
        {
            return null;
        }

        var slash = unit.IndexOf('/', StringComparison.Ordinal);
        var code = slash < 0 ? unit : unit[..slash];
        foreach (var (word, fallback, countries) in Families)
        {
            if (code != fallback || !word.IsMatch(written))
            {
                continue;
            }

            var found = OneCountry(countries, sentence) ?? (document is null ? null : OneCountry(countries, document));
            return found is null ? unit : found + unit[code.Length..];
        }

        return unit;
    }

    private static string? OneCountry((Regex Hint, string Code)[] countries, string text)
    {
        var codes = countries.Where(c => c.Hint.IsMatch(text)).Select(c => c.Code).Distinct(StringComparer.Ordinal).ToList();
        return codes.Count == 1 ? codes[0] : null;
    }

    private static Regex Word(string pattern) => new($@"(?<!\p{{L}})(?:{pattern})(?!\p{{L}})", Flags | RegexOptions.IgnoreCase);

    private static Regex Hint(string pattern) => new($@"(?<!\p{{L}})(?:{pattern})(?!\p{{L}})", Flags);
}
