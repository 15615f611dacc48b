using System.Text.RegularExpressions;

namespace ClaimsTracker.Domain.Figures.Normalisation;

/// <summary>
/// Reads hedged figures ("about 1,000", "as many as 4,000", "between 10,000 and 12,000", "dozens")
/// into a qualifier, the number(s) written and the interval from <see cref="IntervalRules"/>.
/// docs/qualifier-vocabulary.md has the vocabulary.
/// </summary>
public sealed class FigurePhraseParser
{
    private const RegexOptions Flags = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private static readonly (Regex Pattern, Qualifier Qualifier)[] Qualifiers = BuildQualifiers(
        // German and French hedges too: reports quote officials in their own words.
        (Qualifier.Approximately, ["about", "approximately", "roughly", "around", "some", "an estimated", "estimated", "approx.", "approx", "circa", "~", "closer to", "more like", "nearer to", "nearer", "in the region of", "in the order of", "on the order of", "something like", "somewhere near", "somewhere around", "somewhere in the region of", "more or less", "give or take", "an estimated value of", "estimated value of", "an estimated cost of", "estimated cost of", "an estimated total of", "estimated total of", "an estimated loss of", "rund", "etwa", "ungefähr", "eher", "environ", "quelque", "autour de"]),
        (Qualifier.Nearly, ["nearly", "almost", "close to", "just under", "just shy of", "shy of", "just short of", "a little under", "a little below", "slightly under", "slightly below", "the best part of", "just below", "knapp", "fast", "près de", "presque"]),
        (Qualifier.UpTo, ["up to", "as many as", "as much as", "as high as", "as long as", "as far as", "as deep as", "as large as", "as big as", "bis zu", "jusqu'à", "jusqu’à"]),
        (Qualifier.LessThan, ["fewer than", "less than", "under", "below", "well under", "well below", "well short of", "shorter than", "smaller than", "lower than", "weniger als", "moins de", "<"]),
        // A ceiling the value may reach: "no more than 1,900", "within 30 days", "capped at 5%".
        (Qualifier.AtMost, ["no more than", "not more than", "at most", "at the most", "a maximum of", "maximum of", "up to a maximum of", "a max of", "not exceeding", "not to exceed", "no higher than", "no greater than", "no larger than", "no longer than", "capped at", "within", "höchstens", "au plus", "<=", "≤", "=<"]),
        (Qualifier.AtLeast, ["at least", "no fewer than", "no less than", "not fewer than", "not less than", "a minimum of", "mindestens", "au moins", "≥", ">="]),
        (Qualifier.MoreThan, ["more than", "over", "above", "in excess of", "well in excess of", "upwards of", "upward of", "north of", "just over", "just above", "well over", "well above", "a little over", "a little more than", "slightly over", "slightly more than", "larger than", "bigger than", "greater than", "longer than", "higher than", "exceeded", "exceeding", "exceeds", "passed", "surpassed", "topped", "crossed", "mehr als", "über", "plus de", ">"]));

    // "to top $13 billion", "could top 50,000": the verb, not the adjective of "the top 10".
    private static readonly Regex TopVerb = new(@"(?<=(?:\bto|\bwill|\bwould|\bcould|\bmay|\bmight|\bshould|\bcan)\s+)\G(?:top|pass|exceed|surpass|cross|break)\s+(?=[$€£¥₹\d])", Flags);

    // "lift the retirement age from 62 to 65", "grow from 34 to 40 vessels": a change between two figures, not a range.
    private static readonly Regex ChangeBeforeFrom = new(@"(?<![\p{L}])(?:ris(?:e|es|ing)|rose|grow(?:s|ing|n)?|grew|lift(?:s|ed|ing)?|rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|fall(?:s|ing|en)?|fell|drop(?:s|ped|ping)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|expand(?:s|ed|ing)?|shr(?:ink|inks|ank|inking|unk)|lower(?:s|ed|ing)?|mov(?:e|es|ed|ing)|go(?:es|ing)?|went|chang(?:e|es|ed|ing)|swell(?:s|ed|ing)?|slid|slide|slip(?:s|ped)?|bring(?:s|ing)?|brought|push(?:es|ed|ing)?|trim(?:s|med|ming)?)(?:\s+[\p{L}\-’']+){0,5}?\s+from\s+$", Flags);

    private static readonly Regex OfEachOther = new(@"\G(?:\s+\p{L}+){0,2}?\s+of\s+(?:each\s+other|one\s+another)(?![\p{L}])", Flags);

    // A hedge written after the number: "20 or more", "a 50-plus", "12 or fewer".
    private static readonly Regex TrailingFloor = new(@"\G(?:\s+or\s+(?:more|above|over|higher|greater)|-plus|\+)(?![\p{L}\d])", Flags);
    private static readonly Regex TrailingCeiling = new(@"\G\s+or\s+(?:fewer|less|below|under|lower)(?![\p{L}])", Flags);

    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?!\p{L})\.?";
    private const string Day = @"\d{1,2}(?:st|nd|rd|th)?(?![\p{L}\d]|,\d)";
    private const string Year = @"\d{4}(?!\d)";

    // Numbers that are not quantities: dates, clock times, fractions and numbered dates.
    private static readonly Regex NotQuantity = new(
        $@"\G(?:{Month}\s+{Day}(?:,?\s+{Year})?"
        + $@"|{Day}\s+(?:of\s+)?{Month}(?:,?\s+{Year})?"
        + $@"|{Month},?\s+{Year}"
        + @"|\d{4}-\d{1,2}-\d{1,2}(?!\d)"
        + @"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?!\d)"
        + @"|\d{1,2}:\d{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm)(?!\p{L}))?"
        + @"|\d{1,2}\.\d{2}\s*(?:a\.m\.|p\.m\.|am|pm)(?!\p{L})"
        + @"|\d{1,2}\s*(?:a\.m\.|p\.m\.|am|pm)(?!\p{L})"
        + @"|\d+(?:/\d+)+)",
        Flags);

    private static readonly Regex DateAhead = new($@"\G(?:{Month}\s+{Day}|{Day}\s+(?:of\s+)?{Month}|\d{{4}}-\d{{1,2}}-\d{{1,2}}(?!\d)|\d{{1,2}}:\d{{2}}|\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am|pm)(?!\p{{L}}))", Flags);

    private static readonly Regex GluedMeasure = new(@"\G(?:cm|mm|km|m|kg|g|t|ha|mph|km/h|kph|GW|MW|kW|GWh|MWh|kWh|GB|TB|MB|Mbps|Gbps|ft|lb|lbs|oz)(?![\p{L}\d])", RegexOptions.CultureInvariant);
    private static readonly Regex ByBefore = new(@"(?<![\p{L}])by\s+$", Flags);
    private static readonly Regex FromBefore = new(@"(?<![\p{L}])from\s+$", Flags);
    private static readonly Regex RangePrefix = new(@"\G(between|from)\s+", Flags);
    private static readonly Regex RangeJoin = new(@"\G(?:\s*[-–]\s*|\s+(to)\s+|\s+(and)\s+)", Flags);
    // ISO 4217 codes newsrooms write beside amounts ("NOK 1.2 billion", "4.5 billion SEK").
    private const string IsoCodes = "USD|EUR|GBP|JPY|CNY|INR|NGN|KES|ZAR|BDT|MYR|AUD|CAD|CHF|BRL|MXN|PHP|IDR|PKR|EGP|GHS|UGX|TZS|NZD|SGD|HKD|XCD|CLP|COP|PEN|ARS|TRY|UAH|RUB"
        + "|NOK|SEK|DKK|ISK|PLN|CZK|HUF|RON|BGN|RSD|KRW|TWD|THB|VND|LKR|NPR|MMK|KZT|SAR|AED|QAR|KWD|BHD|OMR|ILS|IRR|IQD|JOD|MAD|DZD|TND|ETB|RWF|ZMW|MWK|XOF|XAF|NAD|BWP|MUR|JMD|TTD|DOP|UYU|BOB|PYG|FJD";

    // Symbols and codes written before the amount: "$4.2b", "RM79", "KSh 300 million", "USD 10m", "R14 million" (rand),
    // "Sh20 million" (shillings, as East African papers write them), "K4.1 billion" (kwacha, only before a scale word).
    private static readonly Regex Currency = new(
        @"\G(US\$|A\$|AU\$|FJ\$|C\$|CA\$|NZ\$|HK\$|S\$|EC\$|R\$|MX\$|NT\$|F\$|\$|€|£|¥|₦|₱|₹|₩|₺|₴|₽|₵|GH¢|GH₵|KSh|Ksh|USh|TSh|Sh(?=\d)|K(?=\d[\d.,]*\s?(?:million|billion|trillion|bn|m)(?!\p{L}))|Tk|Rp|RM|Rs\.?|R(?=\d)|(?-i:" + IsoCodes + @")(?=\s?\d))\s?",
        RegexOptions.CultureInvariant);

    private static readonly Regex VagueCompound = new(@"\G(tens|dozens|scores|hundreds|thousands|millions)\s+of\s+(hundreds|thousands|millions|billions)(?!\p{L})", Flags);
    private static readonly Regex VagueMultiple = new(@"\G(several|a\s+few)\s+(dozen|hundred|thousand|million|billion)(?!\p{L})", Flags);
    private static readonly Regex VaguePlural = new(@"\G(?:(dozens|hundreds|thousands|millions|billions)(?!\p{L})|(tens|scores)(?=\s+of(?!\p{L})))", Flags);
    private static readonly Regex VagueFew = new(@"\G(several|a\s+few)(?!\p{L})", Flags);

    // "0.5 wt%" is a share by weight; "percentage points" a difference of shares (unit "pp").
    private static readonly Regex PercentUnit = new(@"\G\s?(?:(?:wt|vol|mol|w/w|v/v)\.?\s?%|%|per\s?cent(?!\p{L})|prozent(?!\p{L})|pour\s+cent(?!\p{L}))", Flags);
    private static readonly Regex PercentagePoints = new(@"\G\s+(?:percentage|per\s?cent(?:age)?)\s+points?(?!\p{L})", Flags);
    // Currency words and codes written after the amount; minor units (cents, pence, centavos, paise, kopecks,
    // kobo, pesewas) are read as hundredths of their currency.
    // "hundreds of millions of dollars": a vague amount named by its currency after "of".
    private static readonly Regex CurrencyUnit = new(@"\G\s+(?:d['’]|de\s+|of\s+)?((?-i:" + IsoCodes + @")(?![\p{L}\p{N}])|CFA\s+francs?|(?:US\s+|euro\s+)?cents|pence|centavos|paise|kopecks?|kopeks?|kobo|pesewas|(?:Norwegian|Swedish|Danish|Icelandic)\s+(?:crowns|kroner|kronor|kronur)|Czech\s+(?:crowns|korunas?)|crowns|kroner|kronor|korunas?|zlotys?|zloty|forints?|lei|shekels|riyals|rials|dong|tenge|kyats?|(?:Australian|Canadian|New\s+Zealand|Hong\s+Kong|Singapore|Taiwan(?:ese)?|Jamaican|Namibian|Fijian|US|U\.S\.)\s+dollars|dollars|euros?|rubles|roubles|hryvnias?|pesos|rupees|naira|shillings|rand|yen|yuan|pounds|leva|lev|won|ringgit|taka|cedis|rupiah|baht|dinars|dirhams|francs|kwacha|birr|reais|soles|lira)(?!\p{L})", Flags);

    private static readonly Regex GluedPence = new(@"\Gp(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);
    private static readonly Regex MinorUnit = new(@"^(?:.*cents|pence|centavos|paise|kopecks?|kopeks?|kobo|pesewas)$", Flags);

    // "$3,500 a month", "RM4.6 billion a year", "A$19 an hour": money per period.
    // Not "₦60,000 a year earlier": a period followed by these words says when, not how often.
    private static readonly Regex RatePeriod = new(@"\G(?:\s+(?:a|an|per|each)\s+|\s*/\s*)(second|minute|hour|day|week|month|year|annum)(?!\p{L})(?!\s+(?:earlier|ago|before|later|prior)(?!\p{L}))", Flags);

    // Units written after a number: "35km", "8.42 metres", "195km/h", "12,000 hectares", "40 km²", "2.5 mg/L",
    // "38 micrograms per cubic metre", "240-metre", "a 4.3-magnitude". Each entry: the pattern, the code
    // stored, and whether it may stand apart from the digits (single letters such as "t", "C", "L" must be
    // glued on: "5 t" or "20 C" are too often something else).
    private static readonly (string Pattern, string Code, UnitSpacing Spacing)[] MeasureUnits =
    [
        (@"km/h|kph|kmph|kmh|(?i:kilomet(?:re|er)s?\s+(?:per|an)\s+hour)", "km/h", UnitSpacing.Any),
        (@"mph|(?i:miles\s+(?:per|an)\s+hour)", "mph", UnitSpacing.Any),
        (@"km/s|(?i:kilomet(?:re|er)s?\s+(?:per|a)\s+second)", "km/s", UnitSpacing.Any),
        (@"m/s|(?i:met(?:re|er)s?\s+(?:per|a)\s+second)", "m/s", UnitSpacing.Any),
        (@"(?i:knots?)", "knots", UnitSpacing.Any),
        (@"(?i:magnitude)", "magnitude", UnitSpacing.Any),
        (@"(?i:on\s+the\s+Richter\s+scale)", "magnitude", UnitSpacing.Spaced),
        (@"km²|km2|sq\.?\s?km|(?i:square\s+kilomet(?:re|er)s?)", "km2", UnitSpacing.Any),
        (@"m²|m2|sq\.?\s?m(?!\p{L})|(?i:square\s+met(?:re|er)s?)", "m2", UnitSpacing.Any),
        (@"sq\.?\s?mi|(?i:square\s+miles?)", "mi2", UnitSpacing.Any),
        (@"cm²|cm2|(?i:square\s+centimet(?:re|er)s?)", "cm2", UnitSpacing.Any),
        (@"mm²|mm2|(?i:square\s+millimet(?:re|er)s?)", "mm2", UnitSpacing.Any),
        (@"sq\.?\s?ft|(?i:square\s+(?:feet|foot))", "ft2", UnitSpacing.Any),
        (@"(?i:square\s+degrees?)", "deg2", UnitSpacing.Any),
        (@"km³|km3|(?i:cubic\s+kilomet(?:re|er)s?)", "km3", UnitSpacing.Any),
        (@"m³|m3|(?i:cubic\s+met(?:re|er)s?)", "m3", UnitSpacing.Any),
        (@"(?i:cubic\s+(?:feet|foot))", "ft3", UnitSpacing.Any),
        (@"(?i:light[\s-]years?)", "ly", UnitSpacing.Any),
        (@"km|(?i:kilomet(?:re|er)s?)", "km", UnitSpacing.Any),
        (@"cm|(?i:centimet(?:re|er)s?)", "cm", UnitSpacing.Any),
        (@"mm|(?i:millimet(?:re|er)s?)", "mm", UnitSpacing.Any),
        (@"µm|μm|(?i:micromet(?:re|er)s?|microns?)", "µm", UnitSpacing.Any),
        (@"nm|(?i:nanomet(?:re|er)s?)", "nm", UnitSpacing.Any),
        (@"(?i:met(?:re|er)s?)", "m", UnitSpacing.Any),
        (@"m", "m", UnitSpacing.Metres),
        (@"(?i:miles?)", "miles", UnitSpacing.Any),
        (@"ft|(?i:feet|foot)", "ft", UnitSpacing.Any),
        (@"(?i:inch(?:es)?)", "in", UnitSpacing.Any),
        (@"(?i:yards?)", "yd", UnitSpacing.Any),
        (@"kg|(?i:kilogram(?:me)?s?|kilos)", "kg", UnitSpacing.Any),
        (@"mg|(?i:milligram(?:me)?s?)", "mg", UnitSpacing.Any),
        (@"µg|μg|mcg|(?i:microgram(?:me)?s?)", "µg", UnitSpacing.Any),
        (@"ng|(?i:nanogram(?:me)?s?)", "ng", UnitSpacing.Spaced),
        (@"(?i:gram(?:me)?s?)", "g", UnitSpacing.Any),
        (@"g", "g", UnitSpacing.Any),
        (@"Gt|(?i:gigatonnes?|gigatons?)", "Gt", UnitSpacing.Any),
        (@"Mt|(?i:megatonnes?|megatons?)", "Mt", UnitSpacing.Any),
        (@"(?i:tonnes?|tons?)", "t", UnitSpacing.Any),
        (@"t", "t", UnitSpacing.Glued),
        (@"lbs?", "lb", UnitSpacing.Any),
        (@"oz|(?i:ounces?)", "oz", UnitSpacing.Any),
        (@"mL|ml|(?i:millilit(?:re|er)s?)", "ml", UnitSpacing.Any),
        (@"(?i:lit(?:re|er)s?)", "l", UnitSpacing.Any),
        (@"L", "l", UnitSpacing.Glued),
        (@"(?i:gallons?)", "gal", UnitSpacing.Any),
        (@"bpd|(?i:barrels\s+(?:a|per)\s+day)", "bpd", UnitSpacing.Any),
        (@"(?i:barrels?)", "barrels", UnitSpacing.Any),
        (@"ha|(?i:hectares?)", "ha", UnitSpacing.Any),
        (@"(?i:acres?)", "acre", UnitSpacing.Any),
        (@"kWh|(?i:kilowatt[\s-]hours?)", "kWh", UnitSpacing.Any),
        (@"MWh|(?i:megawatt[\s-]hours?)", "MWh", UnitSpacing.Any),
        (@"GWh|(?i:gigawatt[\s-]hours?)", "GWh", UnitSpacing.Any),
        (@"TWh|(?i:terawatt[\s-]hours?)", "TWh", UnitSpacing.Any),
        (@"Wh", "Wh", UnitSpacing.Any),
        (@"kW|(?i:kilowatts?)", "kW", UnitSpacing.Any),
        (@"MW|(?i:megawatts?)", "MW", UnitSpacing.Any),
        (@"GW|(?i:gigawatts?)", "GW", UnitSpacing.Any),
        (@"TW|(?i:terawatts?)", "TW", UnitSpacing.Any),
        (@"W|(?i:watts?)", "W", UnitSpacing.Any),
        (@"mAh", "mAh", UnitSpacing.Any),
        (@"kV|(?i:kilovolts?)", "kV", UnitSpacing.Any),
        (@"V|(?i:volts?)", "V", UnitSpacing.Any),
        (@"GHz|(?i:gigahertz)", "GHz", UnitSpacing.Any),
        (@"MHz|(?i:megahertz)", "MHz", UnitSpacing.Any),
        (@"kHz|(?i:kilohertz)", "kHz", UnitSpacing.Any),
        (@"Hz|(?i:hertz)", "Hz", UnitSpacing.Any),
        (@"dB|(?i:decibels?)", "dB", UnitSpacing.Any),
        // Data rates before data sizes: "112 Mbps" is a broadband speed, not 112 megabytes.
        (@"Gbps|Gbit/s|(?i:gigabits?\s+(?:a|per)\s+second)", "Gbps", UnitSpacing.Any),
        (@"Mbps|Mbit/s|(?i:megabits?\s+(?:a|per)\s+second)", "Mbps", UnitSpacing.Any),
        (@"kbps|kbit/s|(?i:kilobits?\s+(?:a|per)\s+second)", "kbps", UnitSpacing.Any),
        (@"GB|(?i:gigabytes?)", "GB", UnitSpacing.Any),
        (@"TB|(?i:terabytes?)", "TB", UnitSpacing.Any),
        (@"MB|(?i:megabytes?)", "MB", UnitSpacing.Any),
        (@"°C|(?i:degrees?\s+(?:Celsius|centigrade))", "C", UnitSpacing.Any),
        (@"C", "C", UnitSpacing.Glued),
        (@"°F|(?i:degrees?\s+Fahrenheit)", "F", UnitSpacing.Any),
        (@"F", "F", UnitSpacing.Glued),
        (@"(?i:degrees?)", "deg", UnitSpacing.Spaced),
        (@"ppm|(?i:parts\s+per\s+million)", "ppm", UnitSpacing.Any),
        (@"ppb|(?i:parts\s+per\s+billion)", "ppb", UnitSpacing.Any),
        (@"mmHg", "mmHg", UnitSpacing.Any),
        (@"mmol|(?i:millimoles?)", "mmol", UnitSpacing.Any),
        (@"mSv|(?i:millisieverts?)", "mSv", UnitSpacing.Any),
        (@"Bq|(?i:becquerels?)", "Bq", UnitSpacing.Any),
        (@"kcal|(?i:kilocalories|calories)", "kcal", UnitSpacing.Any),
        (@"rpm", "rpm", UnitSpacing.Any),
    ];

    private enum UnitSpacing { Any, Spaced, Glued, Metres }

    private static readonly Regex MeasureUnit = new(
        @"\G(?:(?<space>\s)|(?<hyphen>-))?(?:" + string.Join('|', MeasureUnits.Select((u, i) => $"(?<u{i}>{u.Pattern})")) + @")(?![\p{L}\p{N}²³])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    // "algal cells per millilitre", "3.4 × 10^7 cells per gram": a count of things in an amount of something.
    private static readonly Regex CountPerUnit = new(@"\G(?:\s+\p{Ll}+)?\s+(cells|particles|spores|copies|colonies|organisms|bacteria|eggs|fibres|fibers)(?=\s*(?:/|per\s))", Flags);

    // The second half of a compound unit: "mg/L", "micrograms per cubic metre", "Wh/kg", "g/cm3".
    private static readonly (string Pattern, string Code)[] PerUnits =
    [
        (@"cubic\s+met(?:re|er)|m³|m3", "m3"), (@"cubic\s+centimet(?:re|er)|cm³|cm3|cc", "cm3"), (@"square\s+met(?:re|er)|m²|m2", "m2"),
        (@"square\s+kilomet(?:re|er)|km²|km2", "km2"), (@"millilit(?:re|er)|mL|ml", "mL"), (@"decilit(?:re|er)|dL|dl", "dL"), (@"lit(?:re|er)|L|l", "L"),
        (@"kilogram(?:me)?|kg", "kg"), (@"gram(?:me)?|g", "g"), (@"hectare|ha", "ha"), (@"kilomet(?:re|er)|km", "km"), (@"mile", "mile"),
        (@"capita|person|head|inhabitant|resident", "capita"), (@"kWh", "kWh"),
        (@"second|sec|s", "s"), (@"minute|min", "min"), (@"hour|hr|h", "h"), (@"day", "day"), (@"week", "week"), (@"month", "month"), (@"year|yr|annum", "year"),
    ];

    private static readonly Regex PerUnit = new(
        @"\G(?:\s*/\s*|\s+per\s+)(?:" + string.Join('|', PerUnits.Select((u, i) => $"(?<p{i}>{u.Pattern})")) + @")(?![\p{L}\p{N}²³])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture);

    // A dimension after a spaced "m": "300 m deep" is metres; "5 m people" is not.
    private static readonly Regex DimensionAfter = new(@"\G\s*(?:[,.;:)]|$|\s(?:high|tall|long|wide|deep|thick|across|away|above|below|underground|offshore|final|race|sprint|hurdles|of|in|from|to|and|or)(?!\p{L}))", Flags);

    private static readonly Regex ArticleBeforeDuration = new(@"\Gan?(?=(?:\s+|-)(?:hour|day|week|month|year|decade|century)s?(?!\p{L}))", Flags);
    private static readonly Regex DurationUnit = new(@"\G(?:\s+|-)(second(?!-)|minute|hour|day|week|month|year|decade|centur(?:y|ies))s?(?!\p{L})|\G\s(h|hrs?|mins?)(?![\p{L}/])", Flags);

    // "the low hundreds", "the high thousands": a vague amount whose floor the part raises.
    private static readonly Regex PartOfScale = new(@"\G(low|lower|mid|middle|high|upper)[\s-]+(hundreds|thousands|millions|billions)(?!\p{L})", Flags);

    // "pH 7.4", "a pH of 5.6".
    private static readonly Regex PhBefore = new(@"\G(?-i:pH)\s*(?:of\s+)?(?=\d)", Flags);

    // "almost a metre", "about a tonne": the article stands for one before a unit, but only with a hedge.
    private static readonly Regex ArticleBeforeMeasure = new(@"\Gan?(?=\s+(?:met(?:re|er)|kilomet(?:re|er)|centimet(?:re|er)|mile|foot|tonne|ton|kilogram|kilo|litre|liter|hectare|acre|degree)(?!\p{L}))", Flags);

    // "3.2 ± 0.4 km", "4.6 +/- 0.8": a measurement with its uncertainty is the interval it spans.
    private static readonly Regex PlusMinus = new(@"\G\s*(?:±|\+/-|\+/−|\+-)\s*", Flags);

    // "minus 78 °C", "-12C", "−5 degrees": below zero.
    // "plus or minus 3.1 points" is a margin of error, not a number below zero.
    private static readonly Regex Minus = new(@"\G(?<!plus\s+or\s+|\+/)(?:minus\s+|[-−](?=\d))", Flags);

    // "magnitude 5.9", "a magnitude-6.1 quake".
    private static readonly Regex QuakeMeasuring = new(@"(?i:quake|earthquake|tremor|aftershock)s?\b[^.;]{0,40}?\bmeasuring\s+$", Flags);
    private static readonly Regex MagnitudeBefore = new(@"\Gmagnitude[\s-]+(?:of\s+)?(?=\d)", Flags);

    // "two-thirds", "a quarter", "one fifth", "three-quarters": a share, stored as a percentage.
    private static readonly Regex Fraction = new(
        @"\G(?:(a|one|two|three|four|five|six|seven|eight|nine)[\s-])?(half|third|thirds|quarter|quarters|fifth|fifths|sixth|sixths|eighth|eighths|tenth|tenths)(?![\p{L}-])"
        + @"(?=\s+(?:of|to|in|on|from|since|over|last|this|compared|and|but|after|while|as|between|among|by|the|its|their)(?!\p{L})|\s*[,.;:)\]—–]|\s*$)",
        Flags);

    // "one in five adults", "8 in 10 homes", "3 out of every 10": a share, stored as a percentage.
    private static readonly Regex OneIn = new(@"\G\s+(?:in|out\s+of)\s+(?:every\s+)?", Flags);

    // "tenfold", "a 10-fold rise", "more than threefold": a multiple, with the unit "fold".
    private static readonly Regex Fold = new(@"\G(?:(\d+(?:\.\d+)?)[\s-]?|(two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand)-?)fold(?!\p{L})", Flags);

    private static readonly HashSet<string> YearContext = new(StringComparer.Ordinal)
    {
        "in", "since", "by", "until", "till", "before", "after", "during", "of", "from", "through",
        "throughout", "early", "late", "mid", "year", "spring", "summer", "autumn", "fall", "winter",
    };

    // "no one", "one of them", "one another" use "one" as a pronoun, not a count.
    private static readonly HashSet<string> PronounOneBefore = new(StringComparer.Ordinal) { "no", "any", "every", "each", "which", "this", "that", "the" };
    private static readonly Regex PronounOneAfter = new(@"\G\s+(?:of|another)(?!\p{L})", Flags);

    private readonly NormalisationOptions options;

    public FigurePhraseParser(NormalisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>The same figure under another qualifier ("up to €35 million or 7%": the 7% is a ceiling too).</summary>
    public ParsedFigure WithQualifier(ParsedFigure figure, Qualifier qualifier)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure with { Qualifier = qualifier, Interval = IntervalRules.ToInterval(qualifier, figure.Value, figure.ValueHigh, options) };
    }

    public FigurePhraseParser()
        : this(new NormalisationOptions())
    {
    }

    /// <summary>The first figure in a short phrase such as a figure's "as written"; null when there is none.</summary>
    public ParsedFigure? Parse(string? phrase) =>
        string.IsNullOrWhiteSpace(phrase) ? null : Scan(phrase, firstOnly: true).FirstOrDefault();

    /// <summary>
    /// Every figure mentioned in running text, in order, with its span. Dates ("January 9"), clock
    /// times, ordinals ("84th"), designations ("F-16") and pronoun "one" are skipped; years used as
    /// dates ("in 2021") are returned with <see cref="FigureKind.Year"/>.
    /// </summary>
    public IReadOnlyList<ParsedFigure> FindAll(string? text) => FindAll(text, language: null);

    /// <summary>
    /// As <see cref="FindAll(string?)"/>, reading digits as the report's <paramref name="language"/>
    /// writes them: in German or French "3.000" and "3 000" are three thousand and "1,5" is one and a half.
    /// </summary>
    public IReadOnlyList<ParsedFigure> FindAll(string? text, string? language)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (!CommaDecimals.Contains(language ?? "en"))
        {
            // "3.000 marchers" in an English report: a continental thousands separator, not three.
            var dotted = DottedThousands.Replace(text, m => m.Value.Replace('.', ','));
            return ReferenceEquals(dotted, text) || dotted == text
                ? Scan(text, firstOnly: false)
                : Scan(dotted, firstOnly: false).Select(f => f with { Text = text[f.Start..f.End] }).ToList();
        }

        // Same-length rewrite of the separators, so offsets and the words as written stay the original's.
        var english = ContinentalNumber.Replace(text, m => m.Value.Replace(",", "\u0001", StringComparison.Ordinal)
            .Replace(".", ",", StringComparison.Ordinal).Replace(" ", ",", StringComparison.Ordinal).Replace("\u00A0", ",", StringComparison.Ordinal)
            .Replace("\u202F", ",", StringComparison.Ordinal).Replace("\u0001", ".", StringComparison.Ordinal));
        return Scan(english, firstOnly: false).Select(f => f with { Text = text[f.Start..f.End] }).ToList();
    }

    // "3,000" stays three thousand even here: nobody writes three as 3,000, and reports mix in English.
    // Exactly three decimals, not followed by a scale word or unit: "3.000 marchers", not "$1.250 billion".
    private static readonly Regex DottedThousands = new(@"(?<![\d.,$€£])\d{1,3}(?:\.\d{3})+(?![\d.,])(?!\s*(?:%|per\s?cent|hundred|thousand|million|billion|trillion|bn|m\b|k\b|b\b))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly HashSet<string> CommaDecimals = new(StringComparer.OrdinalIgnoreCase) { "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "tr", "id", "sv", "da", "no", "fi", "cs", "ro", "uk" };

    private static readonly Regex ContinentalNumber = new(@"(?<![\d.,])\d{1,3}(?:[. \u00A0\u202F]\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+,(?:\d{1,2}|\d{4,})(?![\d])", RegexOptions.CultureInvariant);

    private List<ParsedFigure> Scan(string text, bool firstOnly)
    {
        var found = new List<ParsedFigure>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenStart(text, i))
            {
                i++;
                continue;
            }

            if (SkipNotQuantity(text, i) is var skipTo && skipTo > i)
            {
                i = skipTo;
                continue;
            }

            if (TryRead(text, i, runningText: !firstOnly) is { } figure)
            {
                found.Add(figure);
                if (firstOnly)
                {
                    break;
                }

                i = figure.End;
                continue;
            }

            i = SkipToken(text, i);
        }

        return found;
    }

    private ParsedFigure? TryRead(string text, int start, bool runningText, bool allowQualifier = true)
    {
        Qualifier? qualifier = null;
        var pos = start;
        foreach (var (pattern, q) in allowQualifier ? Qualifiers : [])
        {
            if (pattern.Match(text, start) is { Success: true } m)
            {
                qualifier = q;
                pos = start + m.Length;
                break;
            }
        }

        if (qualifier is null && allowQualifier && TopVerb.Match(text, start) is { Success: true } top)
        {
            (qualifier, pos) = (Qualifier.MoreThan, start + top.Length);
        }

        var figure = TryReadAfterQualifier(text, start, pos, qualifier, runningText);
        if (qualifier is null && figure is { Qualifier: Qualifier.Exact, Kind: not (FigureKind.Date or FigureKind.Year) } plain)
        {
            figure = WithTrailingHedge(text, plain);
        }

        // "came within 0.6 miles of each other": how close they came, not a ceiling.
        if (figure is { Qualifier: Qualifier.AtMost } && text[start..pos].TrimEnd().Equals("within", StringComparison.OrdinalIgnoreCase) && OfEachOther.IsMatch(text, figure.End))
        {
            return TryRead(text, pos, runningText, allowQualifier: false);
        }

        // "over six months" is usually when, not how long: read the duration without the "over".
        if (figure is { Kind: FigureKind.Duration, Qualifier: Qualifier.MoreThan } && text[start..pos].TrimEnd().Equals("over", StringComparison.OrdinalIgnoreCase))
        {
            return TryRead(text, pos, runningText, allowQualifier: false);
        }

        return figure;
    }

    // "20 or more" is a floor and "12 or fewer" a ceiling, as if the hedge came first.
    private ParsedFigure WithTrailingHedge(string text, ParsedFigure figure)
    {
        var (hedge, qualifier) = TrailingFloor.Match(text, figure.End) is { Success: true } floor ? (floor, Qualifier.AtLeast)
            : TrailingCeiling.Match(text, figure.End) is { Success: true } ceiling ? (ceiling, Qualifier.AtMost)
            : (null, Qualifier.Exact);
        if (hedge is null)
        {
            return figure;
        }

        var end = figure.End + hedge.Length;
        return figure with
        {
            Qualifier = qualifier,
            Interval = IntervalRules.ToInterval(qualifier, figure.Value, null, options),
            End = end,
            Text = text[figure.Start..end],
        };
    }

    private ParsedFigure? TryReadAfterQualifier(string text, int start, int pos, Qualifier? qualifier, bool runningText)
    {
        // Each form below starts with one of a few characters: checking that first keeps the scan fast.
        var first = pos < text.Length ? char.ToLowerInvariant(text[pos]) : '\0';
        if (first == 'm' && MagnitudeBefore.Match(text, pos) is { Success: true } magnitude)
        {
            return ReadAmount(text, pos + magnitude.Length) is { Currency: null, Number.Value: <= 10 } scale
                ? Build(text, start, scale.Number.End, qualifier ?? Qualifier.Exact, scale.Number.Value, null, FigureKind.Count, currency: null, fixedUnit: "magnitude")
                : null;
        }

        // "The quake, measuring 6.2, struck": a magnitude named only by the verb before it.
        if (char.IsAsciiDigit(first) && QuakeMeasuring.IsMatch(text[Math.Max(0, pos - 80)..pos])
            && ReadAmount(text, pos) is { Currency: null, Number.Value: <= 10 } measured && !(measured.Number.End < text.Length && char.IsLetter(text[measured.Number.End])))
        {
            return Build(text, start, measured.Number.End, qualifier ?? Qualifier.Exact, measured.Number.Value, null, FigureKind.Count, currency: null, fixedUnit: "magnitude");
        }

        if (first == 'p' && PhBefore.Match(text, pos) is { Success: true } ph)
        {
            return ReadAmount(text, pos + ph.Length) is { Currency: null, Number.Value: <= 14 } acidity
                ? Build(text, start, acidity.Number.End, qualifier ?? Qualifier.Exact, acidity.Number.Value, null, FigureKind.Count, currency: null, fixedUnit: "pH")
                : null;
        }

        if (first is 'l' or 'm' or 'h' or 'u' && PartOfScale.Match(text, pos) is { Success: true } part)
        {
            var unit = UnitValue(part.Groups[2].Value);
            // A vague amount like "hundreds", with a floor raised by the part: low 100, mid 400, high 700 (hundreds; likewise for the other scales).
            var floor = part.Groups[1].Value.ToLowerInvariant() switch
            {
                "low" or "lower" => unit,
                "mid" or "middle" => 4 * unit,
                _ => 7 * unit,
            };
            var bounded = qualifier is Qualifier.UpTo or Qualifier.LessThan or Qualifier.AtMost or Qualifier.Nearly ? qualifier.Value : Qualifier.Vague;
            return Build(text, start, pos + part.Length, bounded, floor, null, FigureKind.Count, currency: null);
        }

        if (first is 'm' or '-' or '−' && Minus.Match(text, pos) is { Success: true } minus && ReadBelowZero(text, start, pos, minus, qualifier, runningText) is { } belowZero)
        {
            return belowZero;
        }

        if (first is 'a' or 'o' or 't' or 'f' or 's' or 'e' or 'n' or 'h' && ReadFraction(text, start, pos, qualifier) is { } fraction)
        {
            return fraction;
        }

        if ((char.IsAsciiDigit(first) || first is 't' or 'f' or 's' or 'e' or 'n' or 'h') && Fold.Match(text, pos) is { Success: true } fold && FoldValue(fold) is { } times)
        {
            return Build(text, start, pos + fold.Length, qualifier ?? Qualifier.Exact, times, null, FigureKind.Count, currency: null, fixedUnit: "fold");
        }

        if (ReadRange(text, pos) is { } range)
        {
            var (low, high, rangeEnd, yearLike) = range;
            var kind = yearLike ? FigureKind.Year : FigureKind.Count;
            return Build(text, start, rangeEnd, Qualifier.Range, low.Number.Value, high.Number.Value, kind, currency: low.Currency ?? high.Currency);
        }

        if (ReadVague(text, pos) is { } vague)
        {
            // A vague amount is a floor; a ceiling or "nearly" before it still bounds it from above.
            var q = qualifier is Qualifier.UpTo or Qualifier.LessThan or Qualifier.AtMost or Qualifier.Nearly ? qualifier.Value : Qualifier.Vague;
            return Build(text, start, vague.End, q, vague.Floor, null, FigureKind.Count, currency: null);
        }

        if (ReadAmount(text, pos) is not { } amount)
        {
            // "about a week": the article stands for one, but only before a unit of time.
            // In running text "a year" without a hedge says when ("a year after the quake"), not how long.
            if (qualifier is null && runningText)
            {
                return null;
            }

            var article = ArticleBeforeDuration.Match(text, pos);
            article = article.Success ? article : ArticleBeforeMeasure.Match(text, pos);
            return article.Success ? Build(text, start, pos + article.Length, qualifier ?? Qualifier.Exact, 1, null, FigureKind.Count, currency: null) : null;
        }

        if (ReadOneIn(text, amount) is { } share)
        {
            return Build(text, start, share.End, qualifier ?? Qualifier.Exact, share.Percent, null, FigureKind.Percentage, currency: null, fixedUnit: "%");
        }

        if (qualifier is null && IsPronounOne(text, amount))
        {
            return null;
        }

        if (amount.Currency is null && PlusMinus.Match(text, amount.Number.End) is { Success: true } plusMinus
            && ReadAmount(text, amount.Number.End + plusMinus.Length) is { Currency: null } error && error.Number.Value < amount.Number.Value)
        {
            var value = amount.Number.Value;
            var margin = error.Number.Value;
            return Build(text, start, error.Number.End, Qualifier.Range, value - margin, value + margin, FigureKind.Count, currency: null);
        }

        var single = qualifier is null && IsYearLike(amount.Number) && YearContext.Contains(WordBefore(text, start))
            ? FigureKind.Year
            : FigureKind.Count;
        return Build(text, start, amount.Number.End, qualifier ?? Qualifier.Exact, amount.Number.Value, null, single, amount.Currency);
    }

    private ParsedFigure? Build(string text, int start, int end, Qualifier qualifier, decimal value, decimal? high, FigureKind kind, string? currency, string? fixedUnit = null)
    {
        var unit = fixedUnit;
        if (fixedUnit is null && kind != FigureKind.Year)
        {
            if (currency is not null)
            {
                (kind, unit) = (FigureKind.Money, currency);
                if (RatePeriod.Match(text, end) is { Success: true } rate)
                {
                    (unit, end) = ($"{currency}/{Period(rate.Groups[1].Value)}", end + rate.Length);
                }
            }
            else if (PercentUnit.Match(text, end) is { Success: true } percent)
            {
                (kind, unit, end) = (FigureKind.Percentage, "%", end + percent.Length);
            }
            else if (PercentagePoints.Match(text, end) is { Success: true } points)
            {
                (kind, unit, end) = (FigureKind.Percentage, "pp", end + points.Length);
            }
            else if (CurrencyUnit.Match(text, end) is { Success: true } money)
            {
                var written = money.Groups[1].Value;
                (kind, unit, end) = (FigureKind.Money, CurrencyCode(written), end + money.Length);
                if (MinorUnit.IsMatch(written))
                {
                    // "50 US cents" is half a dollar: amounts compare in the currency itself.
                    (value, high) = (value / 100, high / 100);
                }

                if (RatePeriod.Match(text, end) is { Success: true } rate)
                {
                    (unit, end) = ($"{unit}/{Period(rate.Groups[1].Value)}", end + rate.Length);
                }
            }
            else if (GluedPence.Match(text, end) is { Success: true } pence)
            {
                // "rose to 65p": pence glued to the number, as British papers write them.
                (kind, unit, end, value, high) = (FigureKind.Money, "GBP", end + pence.Length, value / 100, high / 100);
            }
            else if (ReadMeasure(text, end) is { } measure)
            {
                (unit, end) = measure;
            }
            else if (DurationUnit.Match(text, end) is { Success: true } duration)
            {
                // Durations are stored in days (FigureKind.Duration), so "two weeks" and "14 days" compare.
                var written = duration.Groups[1].Success ? duration.Groups[1].Value : duration.Groups[2].Value.StartsWith('h') ? "hour" : "minute";
                (kind, unit, end, value, high) = (FigureKind.Duration, "days", end + duration.Length, ToDays(value, written), high is { } h ? ToDays(h, written) : null);
            }
        }

        ValueInterval interval;
        try
        {
            interval = IntervalRules.ToInterval(qualifier, value, high, options);
        }
        catch (OverflowException)
        {
            // Only for numbers near decimal's limit, which are no real figure.
            return null;
        }

        return new ParsedFigure(qualifier, value, high, interval, unit)
        {
            Kind = kind,
            Start = start,
            End = end,
            Text = text[start..end],
        };
    }

    // The unit after a number, with a compound ("mg/L", "cells per millilitre") or a rate ("20 metres a minute").
    private static (string Unit, int End)? ReadMeasure(string text, int end)
    {
        string code;
        var at = end;
        if (MeasureUnit.Match(text, end) is { Success: true } measure)
        {
            var index = Enumerable.Range(0, MeasureUnits.Length).First(i => measure.Groups[$"u{i}"].Success);
            var (_, unitCode, spacing) = MeasureUnits[index];
            var spaced = measure.Groups["space"].Success;
            var hyphen = measure.Groups["hyphen"].Success;
            var ok = spacing switch
            {
                UnitSpacing.Glued => !spaced && !hyphen,
                UnitSpacing.Spaced => !hyphen,
                // "300 m deep", "a 400m hurdles"; "1.8 m people" is no length.
                UnitSpacing.Metres => !hyphen && (!spaced || DimensionAfter.IsMatch(text, end + measure.Length)),
                // "240-metre", "a 4.3-magnitude quake", not "a 3-nanometre chip" (a process name).
                _ => !hyphen || char.IsLetter(measure.Value[1]) && unitCode is not ("nm" or "deg"),
            };
            if (!ok)
            {
                return null;
            }

            (code, at) = (unitCode, end + measure.Length);
        }
        else if (CountPerUnit.Match(text, end) is { Success: true } counted)
        {
            (code, at) = (counted.Groups[1].Value.ToLowerInvariant(), end + counted.Length);
        }
        else
        {
            return null;
        }

        if (PerUnit.Match(text, at) is { Success: true } per)
        {
            var index = Enumerable.Range(0, PerUnits.Length).First(i => per.Groups[$"p{i}"].Success);
            return ($"{code}/{PerUnits[index].Code}", at + per.Length);
        }

        // "15 litres of water a day": the rate may follow what is measured.
        var what = OfWhat.Match(text, at);
        if (what.Success && RatePeriod.Match(text, at + what.Length) is { Success: true } ofRate && code is not ("km/h" or "mph" or "m/s" or "km/s" or "knots" or "bpd" or "magnitude"))
        {
            return ($"{code}/{ShortPeriod(ofRate.Groups[1].Value)}", at + what.Length + ofRate.Length);
        }

        if (RatePeriod.Match(text, at) is { Success: true } rate && code is not ("km/h" or "mph" or "m/s" or "km/s" or "knots" or "bpd" or "magnitude"))
        {
            return ($"{code}/{ShortPeriod(rate.Groups[1].Value)}", at + rate.Length);
        }

        return (code, at);
    }

    private static readonly Regex OfWhat = new(@"\G\s+of\s+\p{Ll}+(?=\s+(?:a|an|per|each)\s)", Flags);

    private static string ShortPeriod(string word) => word.ToLowerInvariant() switch
    {
        "second" => "s",
        "minute" => "min",
        "hour" => "h",
        "annum" => "year",
        var other => other,
    };

    // "minus 78 °C", "-12C": a temperature (or any number said with "minus") below zero.
    private ParsedFigure? ReadBelowZero(string text, int start, int pos, Match minus, Qualifier? qualifier, bool runningText)
    {
        var after = TryReadAfterQualifier(text, start, pos + minus.Length, qualifier, runningText);
        var spelled = char.IsLetter(minus.Value[0]);
        if (after is not { Qualifier: Qualifier.Exact, ValueHigh: null } || !(spelled || after.Unit is "C" or "F" or "deg"))
        {
            return null;
        }

        return after with { Value = -after.Value, Interval = ValueInterval.Exactly(-after.Value) };
    }

    private ParsedFigure? ReadFraction(string text, int start, int pos, Qualifier? qualifier)
    {
        if (Fraction.Match(text, pos) is not { Success: true } fraction)
        {
            return null;
        }

        var count = fraction.Groups[1].Value.ToLowerInvariant();
        var part = fraction.Groups[2].Value.ToLowerInvariant().TrimEnd('s');
        // "the third quarter", "the first half of the year": a share needs its count, and "half" a hedge
        // ("roughly half", not "an hour and a half").
        // "about half the population", "fell by half": a hedge or "by" makes "half" a share.
        if (part == "half" ? qualifier is null && !ByBefore.IsMatch(text[Math.Max(0, pos - 4)..pos]) : count.Length == 0)
        {
            return null;
        }

        var numerator = count switch
        {
            "" or "a" or "one" => 1m,
            var word => NumberWords.TryParse(word, out var n) ? n : 1m,
        };
        var denominator = part switch
        {
            "half" => 2m,
            "third" => 3m,
            "quarter" => 4m,
            "fifth" => 5m,
            "sixth" => 6m,
            "eighth" => 8m,
            _ => 10m,
        };
        if (numerator >= denominator)
        {
            return null;
        }

        return Build(text, start, pos + fraction.Length, qualifier ?? Qualifier.Exact, Share(numerator, denominator), null, FigureKind.Percentage, currency: null, fixedUnit: "%");
    }

    // "one in five", "8 in 10", "3 out of every 10": the share as a percentage.
    private static (decimal Percent, int End)? ReadOneIn(string text, Amount amount)
    {
        if (amount.Currency is not null || OneIn.Match(text, amount.Number.End) is not { Success: true } join
            || ReadAmount(text, amount.Number.End + join.Length) is not { Currency: null } whole)
        {
            return null;
        }

        var (part, of) = (amount.Number.Value, whole.Number.Value);
        // "two in 10 days" is a count in a period, not a share.
        if (DurationUnit.IsMatch(text, whole.Number.End) || MeasureUnit.IsMatch(text, whole.Number.End))
        {
            return null;
        }

        if (part <= 0 || of is < 2 or > 1_000 || part >= of || decimal.Truncate(part) != part || decimal.Truncate(of) != of || IsYearLike(whole.Number))
        {
            return null;
        }

        return (Share(part, of), whole.Number.End);
    }

    // A share in per cent to one decimal, without a trailing ".0" ("one in five" is 20, "a third" 33.3).
    private static decimal Share(decimal part, decimal whole)
    {
        var percent = Math.Round(part / whole * 100, 1);
        return percent == decimal.Truncate(percent) ? decimal.Truncate(percent) : percent;
    }

    private static decimal? FoldValue(Match fold)
    {
        if (fold.Groups[1].Success)
        {
            return decimal.TryParse(fold.Groups[1].Value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        }

        return fold.Groups[2].Value.ToLowerInvariant() switch
        {
            "hundred" => 100m,
            "thousand" => 1_000m,
            var word => NumberWords.TryParse(word, out var n) ? n : null,
        };
    }

    private static (Amount Low, Amount High, int End, bool YearLike)? ReadRange(string text, int pos)
    {
        var prefix = RangePrefix.Match(text, pos);
        var changeFrom = prefix.Success
            ? prefix.Groups[1].Value.Equals("from", StringComparison.OrdinalIgnoreCase) && ChangeBeforeFrom.IsMatch(text[Math.Max(0, pos - 80)..(pos + prefix.Length)])
            : ChangeBeforeFrom.IsMatch(text[Math.Max(0, pos - 80)..pos]);
        if (changeFrom)
        {
            return null;
        }

        var first = ReadAmount(text, prefix.Success ? pos + prefix.Length : pos);
        if (first is not { } low)
        {
            return null;
        }

        // "between 5% and 20%", "fell 10% to 15%": a share written at both ends is one range of shares.
        // "between 1cm and 10cm": so is a measure glued to both ends.
        var lowPercent = low.Currency is not null ? Match.Empty
            : PercentUnit.Match(text, low.Number.End) is { Success: true } share ? share : GluedMeasure.Match(text, low.Number.End);
        var join = RangeJoin.Match(text, low.Number.End + (lowPercent.Success ? lowPercent.Length : 0));
        if (!join.Success)
        {
            return null;
        }

        // "and" joins only after "between"; "to" and dashes join with or without a prefix.
        var word = prefix.Success ? prefix.Groups[1].Value.ToLowerInvariant() : null;
        // "duties rise from 50% to 70%": shares after "from" are a change, however far the verb.
        if (lowPercent.Success && (word == "from" || FromBefore.IsMatch(text[Math.Max(0, pos - 6)..pos])))
        {
            return null;
        }

        var joinedByAnd = join.Groups[3].Success;
        if (joinedByAnd != (word == "between") && !(word == "between" && join.Groups[2].Success))
        {
            return null;
        }

        if (ReadAmount(text, join.Index + join.Length) is not { } high
            || lowPercent.Success && !(lowPercent.Value.Contains('%', StringComparison.Ordinal) || lowPercent.Value.Contains("cent", StringComparison.OrdinalIgnoreCase)
                ? PercentUnit.IsMatch(text, high.Number.End)
                : GluedMeasure.Match(text, high.Number.End) is { Success: true } highUnit && highUnit.Value == lowPercent.Value))
        {
            return null;
        }

        // "10-12 thousand", "1.5 to 2 million": the scale written once applies to both ends.
        var lowValue = low.Number.Scale == 1 && high.Number.Scale > 1 && low.Number.Value <= high.Number.Value / high.Number.Scale
            ? low.Number.Value * high.Number.Scale
            : low.Number.Value;
        if (high.Number.Value < lowValue)
        {
            return null;
        }

        var yearLike = IsYearLike(low.Number) && IsYearLike(high.Number);
        return (low with { Number = low.Number with { Value = lowValue } }, high, high.Number.End, yearLike);
    }

    private (decimal Floor, int End)? ReadVague(string text, int pos)
    {
        var floors = options.VagueFloors;
        if (VagueCompound.Match(text, pos) is { Success: true } compound)
        {
            return (PluralFloor(compound.Groups[1].Value, floors) * UnitValue(compound.Groups[2].Value), pos + compound.Length);
        }

        if (VagueMultiple.Match(text, pos) is { Success: true } multiple)
        {
            return (FewFloor(multiple.Groups[1].Value, floors) * UnitValue(multiple.Groups[2].Value), pos + multiple.Length);
        }

        if (VaguePlural.Match(text, pos) is { Success: true } plural)
        {
            return (PluralFloor(plural.Value, floors), pos + plural.Length);
        }

        if (VagueFew.Match(text, pos) is { Success: true } few)
        {
            return (FewFloor(few.Value, floors), pos + few.Length);
        }

        return null;
    }

    private static Amount? ReadAmount(string text, int pos)
    {
        string? currency = null;
        if (Currency.Match(text, pos) is { Success: true } symbol)
        {
            currency = CurrencyCode(symbol.Groups[1].Value);
            pos += symbol.Length;
        }

        if (pos >= text.Length || DateAhead.IsMatch(text, pos) || !NumberWords.TryMatch(text, pos, afterSymbol: currency is not null, out var number))
        {
            return null;
        }

        return new Amount(number, currency);
    }

    private static int SkipNotQuantity(string text, int i)
    {
        if (NotQuantity.Match(text, i) is { Success: true } m)
        {
            return i + m.Length;
        }

        // "F-16", "Su-34", "COVID-19": a designation, not a count; a digit after "2023-" is not either.
        if (char.IsAsciiDigit(text[i]) && i >= 2 && text[i - 1] == '-' && char.IsLetterOrDigit(text[i - 2]) && WordBefore(text, i) != "mid")
        {
            return SkipToken(text, i);
        }

        return i;
    }

    private static bool IsTokenStart(string text, int i)
    {
        if (char.IsWhiteSpace(text[i]))
        {
            return false;
        }

        if (i == 0)
        {
            return true;
        }

        var before = text[i - 1];
        if (char.IsLetterOrDigit(before))
        {
            return false;
        }

        // The "5" of "1.5" and the "000" of "2,000" are inside a number.
        return !(before is '.' or ',' && i >= 2 && char.IsAsciiDigit(text[i - 2]) && char.IsAsciiDigit(text[i]));
    }

    private static int SkipToken(string text, int i)
    {
        if (!char.IsLetterOrDigit(text[i]))
        {
            return i + 1;
        }

        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsPronounOne(string text, Amount amount)
    {
        var number = amount.Number;
        if (!number.IsWords || number.Value != 1 || !text[number.Start..number.End].Equals("one", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return PronounOneAfter.IsMatch(text, number.End) || PronounOneBefore.Contains(WordBefore(text, number.Start));
    }

    private static bool IsYearLike(NumberMatch number) =>
        number.IsPlainInteger && number.End - number.Start == 4 && number.Value is >= 1800 and <= 2100;

    // The word just before position i, lower case, over spaces and a hyphen ("mid-2024"); empty if none.
    private static string WordBefore(string text, int i)
    {
        var end = i;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || (end == i && text[end - 1] == '-')))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text[start..end].ToLowerInvariant();
    }

    private static decimal PluralFloor(string word, VagueFloorOptions floors) => word.ToLowerInvariant() switch
    {
        "tens" => floors.Tens,
        "dozens" => floors.Dozens,
        "scores" => floors.Scores,
        "hundreds" => floors.Hundreds,
        "thousands" => floors.Thousands,
        "millions" => floors.Millions,
        _ => floors.Billions,
    };

    private static decimal FewFloor(string word, VagueFloorOptions floors) =>
        word.StartsWith("several", StringComparison.OrdinalIgnoreCase) ? floors.Several : floors.Few;

    // The unit a vague amount counts in: "hundred(s)" is 100 whatever the floor of "hundreds" is.
    private static decimal UnitValue(string word) => word.ToLowerInvariant().TrimEnd('s') switch
    {
        "dozen" => 12m,
        "hundred" => 100m,
        "thousand" => 1_000m,
        "million" => 1_000_000m,
        _ => 1_000_000_000m,
    };

    private static string CurrencyCode(string written) => string.Join(' ', written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant().TrimEnd('.') switch
    {
        "$" or "us$" or "dollars" => "USD",
        "€" or "euros" or "euro" => "EUR",
        "£" or "pounds" => "GBP",
        "rubles" or "roubles" or "₽" => "RUB",
        "a$" or "au$" => "AUD",
        "c$" or "ca$" => "CAD",
        "nz$" => "NZD",
        "hk$" => "HKD",
        "s$" => "SGD",
        "ec$" => "XCD",
        "nt$" => "TWD",
        "f$" or "fj$" => "FJD",
        "r$" or "reais" => "BRL",
        "mx$" or "pesos" => "MXN",
        "¥" or "yen" => "JPY",
        "yuan" => "CNY",
        "₦" or "naira" => "NGN",
        "₱" => "PHP",
        "₹" or "rs" or "rupees" => "INR",
        "₩" or "won" => "KRW",
        "₺" or "lira" => "TRY",
        "₵" or "gh¢" or "gh₵" or "cedis" => "GHS",
        "ksh" or "sh" or "shillings" => "KES",
        "ush" => "UGX",
        "tsh" => "TZS",
        "tk" or "taka" => "BDT",
        "rp" or "rupiah" => "IDR",
        "rm" or "ringgit" => "MYR",
        "r" or "rand" => "ZAR",
        "leva" or "lev" => "BGN",
        "baht" => "THB",
        "dirhams" => "AED",
        "francs" => "CHF",
        "cfa francs" or "cfa franc" => "XOF",
        "australian dollars" => "AUD",
        "canadian dollars" => "CAD",
        "new zealand dollars" => "NZD",
        "hong kong dollars" => "HKD",
        "singapore dollars" => "SGD",
        "taiwan dollars" or "taiwanese dollars" => "TWD",
        "jamaican dollars" => "JMD",
        "namibian dollars" => "NAD",
        "fijian dollars" => "FJD",
        "us dollars" or "u.s. dollars" => "USD",
        "cents" or "us cents" => "USD",
        "euro cents" => "EUR",
        "pence" => "GBP",
        "kwacha" or "k" => "MWK",
        "birr" => "ETB",
        "soles" => "PEN",
        "dinars" => "DZD",
        "centavos" => "MXN",
        "paise" => "INR",
        "kopecks" or "kopeck" or "kopeks" or "kopek" => "RUB",
        "kobo" => "NGN",
        "pesewas" => "GHS",
        "norwegian crowns" or "norwegian kroner" => "NOK",
        "swedish crowns" or "swedish kronor" => "SEK",
        "danish crowns" or "danish kroner" => "DKK",
        "icelandic crowns" or "icelandic kronur" => "ISK",
        "czech crowns" or "czech koruna" or "czech korunas" or "koruna" or "korunas" => "CZK",
        "crowns" or "kronor" => "SEK",
        "kroner" => "DKK",
        "zloty" or "zlotys" => "PLN",
        "forint" or "forints" => "HUF",
        "lei" => "RON",
        "shekels" => "ILS",
        "riyals" or "rials" => "SAR",
        "dong" => "VND",
        "tenge" => "KZT",
        "kyat" or "kyats" => "MMK",
        "₴" or "hryvnia" or "hryvnias" => "UAH",
        var code when code.Length == 3 && code.All(char.IsAsciiLetter) => code.ToUpperInvariant(),
        _ => "UAH",
    };

    private static string Period(string word) => word.ToLowerInvariant() is "annum" ? "year" : word.ToLowerInvariant();

    private static (Regex, Qualifier)[] BuildQualifiers(params (Qualifier Qualifier, string[] Phrases)[] groups) =>
        groups
            .SelectMany(g => g.Phrases.Select(p => (Phrase: p, g.Qualifier)))
            .OrderByDescending(p => p.Phrase.Length)
            .Select(p => (new Regex(
                @"\G" + Regex.Escape(p.Phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + (char.IsLetter(p.Phrase[^1]) ? @"\s+" : @"\s*"),
                Flags), p.Qualifier))
            .ToArray();

    private readonly record struct Amount(NumberMatch Number, string? Currency);

    /// <summary>Calendar averages: a month is a twelfth of a 365-day year, close enough to compare claims.</summary>
    private static decimal ToDays(decimal value, string unit) => unit.ToLowerInvariant() switch
    {
        "second" => Math.Round(value / 86_400, 10),
        "minute" => Math.Round(value / 1440, 6),
        "hour" => Math.Round(value / 24, 6),
        "week" => value * 7,
        "month" => Math.Round(value * 365 / 12, 4),
        "year" => value * 365,
        "decade" => value * 3_650,
        "century" or "centurie" => value * 36_500,
        _ => value,
    };
}
