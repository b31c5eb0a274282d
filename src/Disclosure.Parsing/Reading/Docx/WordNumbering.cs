using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.Parsing.Reading.Docx;

/// <summary>
/// Renders the numbers Word draws from list numbering (一、 （三） 1.) so the text carries them as printed.
/// Counters run in document order per abstract list, as Word counts them.
/// </summary>
internal sealed class WordNumbering
{
    private readonly Dictionary<int, (int AbstractId, Dictionary<int, int> StartOverrides)> _instances = [];
    private readonly Dictionary<int, Dictionary<int, (int Start, string Format, string Text)>> _abstracts = [];
    private readonly Dictionary<string, (int? NumId, int? Level, string? BasedOn)> _styles = [];
    private readonly Dictionary<int, int?[]> _counters = [];
    private readonly HashSet<int> _overridesApplied = [];

    // Word draws nine list levels, 0 to 8.
    private const int Levels = 9;

    /// <summary>Reads the list definitions and paragraph styles; a damaged part costs its numbers, noted in <paramref name="problems"/>.</summary>
    public WordNumbering(MainDocumentPart main, List<string> problems, long maxCharacters)
    {
        var part = "word/numbering.xml";
        try
        {
            if (main.NumberingDefinitionsPart is { } numberingPart)
            {
                part = numberingPart.Uri.OriginalString.TrimStart('/');
                if (XmlDepth.Problem(numberingPart, maxCharacters) is { } deep)
                {
                    problems.Add($"the list numbering part ({part}) {deep}: list numbers (一、 （一） 1.) are left out of the text");
                }
                else
                {
                    LoadNumbering(numberingPart);
                }
            }
        }
        catch (Exception e) when (DocxDamage.IsTheFiles(e))
        {
            _abstracts.Clear();
            _instances.Clear();
            problems.Add($"the list numbering part ({part}) {DocxDamage.Describe(e)}: list numbers (一、 （一） 1.) are left out of the text");
        }

        part = "word/styles.xml";
        try
        {
            if (main.StyleDefinitionsPart is { } stylesPart)
            {
                part = stylesPart.Uri.OriginalString.TrimStart('/');
                if (XmlDepth.Problem(stylesPart, maxCharacters) is { } deep)
                {
                    problems.Add($"the styles part ({part}) {deep}: list numbers drawn through paragraph styles are left out of the text");
                }
                else
                {
                    LoadStyles(stylesPart);
                }
            }
        }
        catch (Exception e) when (DocxDamage.IsTheFiles(e))
        {
            _styles.Clear();
            problems.Add($"the styles part ({part}) {DocxDamage.Describe(e)}: list numbers drawn through paragraph styles are left out of the text");
        }
    }

    private void LoadNumbering(NumberingDefinitionsPart part)
    {
        if (part.Numbering is not { } numbering)
        {
            return;
        }

        foreach (var a in numbering.Elements<AbstractNum>())
        {
            var levels = new Dictionary<int, (int, string, string)>();
            foreach (var l in a.Elements<Level>())
            {
                // A level Word cannot draw (outside 0…8) is not one; a later duplicate replaces an earlier one, as in Word.
                var index = WordValues.Int(l.LevelIndex) ?? 0;
                if (index is < 0 or >= Levels)
                {
                    continue;
                }

                levels[index] = (WordValues.Int(l.StartNumberingValue?.Val) ?? 1, l.NumberingFormat?.Val?.InnerText ?? "decimal", l.LevelText?.Val?.InnerText ?? string.Empty);
            }

            _abstracts[WordValues.Int(a.AbstractNumberId) ?? -1] = levels;
        }

        foreach (var n in numbering.Elements<NumberingInstance>())
        {
            var overrides = new Dictionary<int, int>();
            foreach (var o in n.Elements<LevelOverride>())
            {
                var index = WordValues.Int(o.LevelIndex) ?? 0;
                if (index is >= 0 and < Levels && WordValues.Int(o.StartOverrideNumberingValue?.Val) is { } start)
                {
                    overrides[index] = start;
                }
            }

            _instances[WordValues.Int(n.NumberID) ?? -1] = (WordValues.Int(n.AbstractNumId?.Val) ?? -1, overrides);
        }
    }

    private void LoadStyles(StyleDefinitionsPart part)
    {
        foreach (var s in part.Styles?.Elements<Style>() ?? [])
        {
            var np = s.StyleParagraphProperties?.NumberingProperties;
            _styles[s.StyleId?.InnerText ?? string.Empty] = (WordValues.Int(np?.NumberingId?.Val), WordValues.Int(np?.NumberingLevelReference?.Val), s.BasedOn?.Val?.InnerText);
        }
    }

    /// <summary>The number Word draws before this paragraph (e.g. “一、”), or an empty string.</summary>
    public string Prefix(Paragraph paragraph)
    {
        var np = paragraph.ParagraphProperties?.NumberingProperties;
        var numId = WordValues.Int(np?.NumberingId?.Val);
        var level = WordValues.Int(np?.NumberingLevelReference?.Val);
        if (numId is null)
        {
            (numId, var styleLevel) = FromStyle(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.InnerText);
            level ??= styleLevel;
        }

        if (numId is not { } id || id == 0 || !_instances.TryGetValue(id, out var instance)
            || !_abstracts.TryGetValue(instance.AbstractId, out var levels))
        {
            return string.Empty;
        }

        var ilvl = Math.Clamp(level ?? 0, 0, Levels - 1);
        if (!levels.TryGetValue(ilvl, out var definition))
        {
            return string.Empty;
        }

        if (!_counters.TryGetValue(instance.AbstractId, out var counters))
        {
            counters = new int?[Levels];
            _counters[instance.AbstractId] = counters;
        }

        // A list instance that restarts a level does so where it first appears.
        if (instance.StartOverrides.Count > 0 && _overridesApplied.Add(id))
        {
            foreach (var (l, start) in instance.StartOverrides)
            {
                counters[l] = start - 1;
            }
        }

        counters[ilvl] = counters[ilvl] is { } current ? current + 1 : definition.Start;
        for (var deeper = ilvl + 1; deeper < Levels; deeper++)
        {
            counters[deeper] = null;
        }

        var text = new StringBuilder(definition.Text);
        for (var l = 0; l <= ilvl; l++)
        {
            var value = counters[l] ?? (levels.TryGetValue(l, out var d) ? d.Start : 1);
            var format = levels.TryGetValue(l, out var lf) ? lf.Format : "decimal";
            text.Replace("%" + (l + 1).ToString(CultureInfo.InvariantCulture), Format(value, format));
        }

        return definition.Format is "bullet" or "none" ? string.Empty : text.ToString();
    }

    private (int? NumId, int? Level) FromStyle(string? styleId)
    {
        for (var depth = 0; styleId is not null && depth < 10; depth++)
        {
            if (!_styles.TryGetValue(styleId, out var s))
            {
                break;
            }

            if (s.NumId is not null)
            {
                return (s.NumId, s.Level);
            }

            styleId = s.BasedOn;
        }

        return (null, null);
    }

    internal static string Format(int value, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "chineseLegalSimplified" or "japaneseCounting" or "ideographDigital" =>
            format == "chineseLegalSimplified" ? Chinese(value).Replace('一', '壹').Replace('二', '贰').Replace('三', '叁') : Chinese(value),
        "ideographTraditional" => value is >= 1 and <= 10 ? "甲乙丙丁戊己庚辛壬癸"[value - 1].ToString() : value.ToString(CultureInfo.InvariantCulture),
        "decimalFullWidth" or "decimalFullWidth2" => new string(value.ToString(CultureInfo.InvariantCulture).Select(static c => (char)(c - '0' + '０')).ToArray()),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => value is >= 1 and <= 20 ? ((char)('①' + value - 1)).ToString() : value.ToString(CultureInfo.InvariantCulture),
        "lowerLetter" => Letters(value).ToLowerInvariant(),
        "upperLetter" => Letters(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "upperRoman" => Roman(value),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>一 … 九十九 as Chinese numerals are written in list numbers.</summary>
    internal static string Chinese(int value)
    {
        const string digits = "零一二三四五六七八九";
        if (value is <= 0 or >= 100)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value < 10)
        {
            return digits[value].ToString();
        }

        var tens = value / 10;
        var ones = value % 10;
        return (tens == 1 ? string.Empty : digits[tens].ToString()) + "十" + (ones == 0 ? string.Empty : digits[ones].ToString());
    }

    // Word repeats the letter past Z (AA, BBB …) and stops at 780; a larger count from a damaged start is written in digits.
    private static string Letters(int value) => value switch
    {
        >= 1 and <= 780 => new string((char)('A' + ((value - 1) % 26)), ((value - 1) / 26) + 1),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999)
        {
            // Beyond what Roman numerals write (a damaged start value): digits.
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder();
        foreach (var (n, s) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            while (value >= n)
            {
                sb.Append(s);
                value -= n;
            }
        }

        return sb.ToString();
    }
}
