using Disclosure.Parsing.Layout;
using System.Buffers;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Html;
using Disclosure.Parsing.Reading.Text;

namespace Disclosure.Parsing.Recognition;

/// <summary>
/// A glance at a page's text before it is read, for the markers the evidence of a report (<see cref="ReportEvidence"/>)
/// cannot be without: anchors of one statistical table in the cells of data tables, or a report title with section
/// headings below it. Each marker is a loosening of the evidence it stands for (a heading 二、主动公开… has 二、 and
/// 主动公开 within a heading's length of each other; a title line has its year's 年 within the title's reach of
/// 信息公开, and 报告 where a line may end), looked for in the page's text with markup, spaces and full-width forms
/// out of the way (<see cref="GlanceText"/>). So a page the glance turns away is one reading would turn away too,
/// for the cost of decoding it. Only for the HTML and text readers, whose layout holds nothing their text does not
/// (scripts and styles aside, which hold code).
/// </summary>
internal static class ReportMarkers
{
    /// <summary>
    /// How far after its number a heading's words may stand: a heading's length three times over, as folding turns
    /// a few characters into three (… into ..., ㈠ into (一)).
    /// </summary>
    private const int HeadingReach = 3 * ReportRecognizer.MaxHeadingLength;

    /// <summary>Pages longer than this are read without a glance (real pages are tens of kilobytes).</summary>
    private const int MaxBytes = 4 * 1024 * 1024;

    // Section numbers and the words that give a heading its meaning: the recogniser's.
    private static readonly (char Number, string[] Meaning)[] Sections =
        [.. TemplateWords.Sections.Select(static s => (s.Number[0], s.Words.ToArray()))];

    // Every table's anchors, by their first character, so that one pass over the text finds them all.
    private static readonly Dictionary<char, (string Text, int Table, int Anchor)[]> AnchorsByFirst = TableTemplate.All
        .SelectMany(static (t, ti) => t.Anchors.Select((a, ai) => (Text: a, Table: ti, Anchor: ai)))
        .GroupBy(static a => a.Text[0])
        .ToDictionary(static g => g.Key, static g => g.ToArray());

    private static readonly SearchValues<char> AnchorStarts = SearchValues.Create([.. AnchorsByFirst.Keys]);

    // A heading number's separator, 、 or . (．folds to it); U+FFFD stands for a character reference a reader might make one.
    private static readonly SearchValues<char> Separators = SearchValues.Create("、.\uFFFD");

    /// <summary>
    /// Why the document <paramref name="reader"/> would read cannot be a report, judged from its text alone; null when it
    /// may be one, or when the glance does not apply (other readers, binary content: reading says what it is).
    /// </summary>
    /// <param name="reader">The reader chosen for the document.</param>
    /// <param name="content">The document's bytes.</param>
    /// <param name="decoded">The text as <paramref name="reader"/> decodes it, when the glance decoded it: a page that may be a
    /// report is parsed from it (<see cref="ReadGlanced"/>), not decoded twice.</param>
    public static string? RejectBeforeReading(IDocumentReader reader, ReadOnlySpan<byte> content, out string? decoded)
    {
        decoded = null;
        var markup = reader is HtmlReader;
        if (!markup && reader is not PlainTextReader)
        {
            return null;
        }

        // A page many megabytes long is rare, and reading it costs far more than a glance saves: it is left to the
        // reader, so that a glance never holds a second copy of a huge page's text.
        var head = content[..Math.Min(content.Length, 8192)];
        if (content.Length > MaxBytes || !TextDecoding.LooksLikeText(head))
        {
            return null;
        }

        // Decoded as the reader decodes it, so that the glance sees the characters the reader will.
        var text = TextDecoding.Decode(content, markup ? HtmlReader.DeclaredCharset(head) : null);
        var glance = Look(text, markup);
        if (!glance.MayBeReport)
        {
            return "not a disclosure annual report: " + glance.Missing;
        }

        decoded = text;
        return null;
    }

    /// <summary>
    /// Reads a document from the text the glance decoded (<see cref="RejectBeforeReading"/>) as <paramref name="reader"/>
    /// would from its bytes: the HTML and text readers parse what they decode, and the glance decoded it as they do.
    /// </summary>
    public static LayoutDocument ReadGlanced(IDocumentReader reader, string decoded, CancellationToken cancellationToken) => reader switch
    {
        HtmlReader html => html.Parse(decoded, cancellationToken),
        PlainTextReader text => text.Parse(decoded, cancellationToken),
        _ => throw new ArgumentException("only the HTML and text readers are glanced at", nameof(reader)),
    };

    /// <summary>The markers in a decoded page (<paramref name="markup"/>: HTML) or text.</summary>
    public static Glance Look(ReadOnlySpan<char> text, bool markup)
    {
        using var flat = GlanceText.Of(text, markup);
        var title = FirstTitle(flat);
        var headings = LastHeadings(flat.Plain);

        // The report's title stands above its sections (or is the page's own title): headings before it do not count.
        return new Glance(
            title < int.MaxValue,
            string.Concat(Sections.Where((_, s) => headings[s] >= 0).Select(static s => s.Number)),
            headings.Count(h => h > title),
            MostAnchors(flat));
    }

    /// <summary>
    /// Where the first report title may stand: <see cref="ReportRecognizer.TitleSubject"/> with a year's 年 close
    /// before it and a title's end close after it, where a line may end; or with the year in brackets after the end.
    /// −1 for the page's own &lt;title&gt;, which counts wherever the page puts it; <see cref="int.MaxValue"/> for none.
    /// </summary>
    private static int FirstTitle(GlanceText flat)
    {
        var plain = flat.Plain;
        var subject = ReportRecognizer.TitleSubject;
        var first = int.MaxValue;
        for (var at = plain.IndexOf(subject, StringComparison.Ordinal); at >= 0;)
        {
            if (TitleEnd(flat, at + subject.Length, YearBefore(plain, at)))
            {
                if (flat.TitleElement is { } own && at >= own.Start && at < own.End)
                {
                    return -1;
                }

                first = Math.Min(first, at);
            }

            var next = plain[(at + 1)..].IndexOf(subject, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return first;
    }

    // 19xx年 or 20xx年 ending at most TitleMiddleLength characters before the subject, none of them between a stop.
    private static bool YearBefore(ReadOnlySpan<char> plain, int subject)
    {
        for (var k = subject - 1; k >= 0 && k >= subject - 1 - ReportRecognizer.TitleMiddleLength; k--)
        {
            if (plain[k] == '年' && k >= 4 && IsYear(plain[(k - 4)..k]))
            {
                return true;
            }

            if (ReportRecognizer.TitleMiddleStops.Contains(plain[k]))
            {
                return false;
            }
        }

        return false;
    }

    // After the subject, fillers (工作年度) then an end word (报告, 年报), then where a line may end (with the year
    // before), or the year in brackets (without).
    private static bool TitleEnd(GlanceText flat, int from, bool yearBefore)
    {
        var plain = flat.Plain;
        for (var k = from; k <= from + ReportRecognizer.TitleFillerLength && k < plain.Length; k++)
        {
            foreach (var end in ReportRecognizer.TitleEnds)
            {
                if (!plain[k..].StartsWith(end, StringComparison.Ordinal))
                {
                    continue;
                }

                var e = k + end.Length;
                var lineEnds = flat.BreakBefore(e) || plain[e] is '-' or '_' or '|' or '—' or '–' or '·' or '(' or '全';
                if ((yearBefore && lineEnds) || (e < plain.Length && plain[e] == '(' && HasYear(plain[(e + 1)..Math.Min(plain.Length, e + 8)])))
                {
                    return true;
                }
            }

            if (!ReportRecognizer.TitleFillers.Contains(plain[k]))
            {
                break;
            }
        }

        return false;
    }

    private static bool IsYear(ReadOnlySpan<char> s) =>
        ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]);

    private static bool HasYear(ReadOnlySpan<char> s)
    {
        for (var i = 0; i + 4 <= s.Length; i++)
        {
            if (IsYear(s[i..(i + 4)]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For each section (一 … 六), where its number last stands before 、 or . with one of its words within a
    /// heading's reach; −1 where it never does.
    /// </summary>
    private static int[] LastHeadings(ReadOnlySpan<char> plain)
    {
        var last = new int[Sections.Length];
        Array.Fill(last, -1);
        for (var i = plain.IndexOfAny(Separators); i >= 0;)
        {
            var s = i > 0 ? SectionOf(plain[i - 1]) : -1;
            if (s >= 0)
            {
                var window = plain[(i + 1)..];
                window = window[..Math.Min(window.Length, HeadingReach)];
                foreach (var word in Sections[s].Meaning)
                {
                    if (window.Contains(word, StringComparison.Ordinal))
                    {
                        last[s] = i;
                        break;
                    }
                }
            }

            var next = plain[(i + 1)..].IndexOfAny(Separators);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return last;
    }

    private static int SectionOf(char c)
    {
        for (var s = 0; s < Sections.Length; s++)
        {
            if (Sections[s].Number == c)
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>The most distinct anchors of any one table printed in the text's table cells.</summary>
    private static int MostAnchors(GlanceText text)
    {
        var found = TableTemplate.All.Select(static t => new bool[t.Anchors.Count]).ToArray();
        for (var c = 0; c < text.CellCount; c++)
        {
            var cell = text.Cell(c);
            for (var i = cell.IndexOfAny(AnchorStarts); i >= 0;)
            {
                foreach (var (anchor, t, a) in AnchorsByFirst[cell[i]])
                {
                    if (!found[t][a] && cell[i..].StartsWith(anchor, StringComparison.Ordinal))
                    {
                        found[t][a] = true;
                    }
                }

                var next = cell[(i + 1)..].IndexOfAny(AnchorStarts);
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        return found.Max(static f => f.Count(static x => x));
    }
}

/// <summary>What a glance at a page's text found.</summary>
/// <param name="Title">Whether the text has what a report title has.</param>
/// <param name="Sections">The section numbers whose headings it may have (一 … 六, in order).</param>
/// <param name="SectionsBelowTitle">How many of them may stand below a report title.</param>
/// <param name="Anchors">The most anchors of one statistical table its table cells have.</param>
internal readonly record struct Glance(bool Title, string Sections, int SectionsBelowTitle, int Anchors)
{
    /// <summary>False when the evidence <see cref="ReportEvidence"/> asks for cannot be there.</summary>
    public bool MayBeReport => Anchors >= ReportEvidence.MinTableAnchors || (Title && SectionsBelowTitle >= ReportEvidence.MinSections);

    /// <summary>What the text lacks, for the error.</summary>
    public string Missing =>
        $"its table cells have {Anchors} labels of any one statistical table ({ReportEvidence.MinTableAnchors} are needed); it has "
        + (Title ? "a report title" : "no report title (…年政府信息公开工作年度报告)") + " and "
        + (Sections.Length == 0 ? "no section heading (一、总体情况 …)" : $"section headings {string.Join(", ", Sections.ToCharArray())}")
        + (Title && Sections.Length > 0 ? $", {SectionsBelowTitle} below the title" : string.Empty)
        + $" (without a table, a title above {ReportEvidence.MinSections} sections is needed)";
}
