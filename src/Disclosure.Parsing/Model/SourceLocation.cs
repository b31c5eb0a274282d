using System.Globalization;

namespace Disclosure.Parsing.Model;

/// <summary>One part of a location: what is counted and its number, e.g. <c>page 4</c>, <c>col 10</c>, <c>table row 3</c>.</summary>
/// <param name="Kind">What is counted: <c>page</c>, <c>line</c>, <c>table</c>, <c>row</c>, <c>col</c>, <c>table row</c>, <c>x</c>, <c>y</c>.</param>
/// <param name="Number">Its number, from 1 (coordinates in points for <c>x</c> and <c>y</c>).</param>
public sealed record LocationPart(string Kind, int Number);

/// <summary>
/// Where something was found, as a value: the parts of a location string (<see cref="ReportCell.Location"/>,
/// <c>page 4, table 2, row 4, col 10, x 120 y 300</c> in a PDF, <c>table 2, row 4, col 10</c> in a page or a Word file,
/// <c>line 12, table row 3, col 2</c> in text). The string stays the contract (the JSON holds it); this is its one reading,
/// so that no writer parses locations of its own.
/// </summary>
public sealed record SourceLocation
{
    private SourceLocation(string text, IReadOnlyList<LocationPart> parts)
    {
        Text = text;
        Parts = parts;
    }

    /// <summary>The location as printed in the results.</summary>
    public string Text { get; }

    /// <summary>The parts in the order the location gives them. Read-only, compared by value.</summary>
    public IReadOnlyList<LocationPart> Parts { get; }

    /// <summary>The page (PDF), or null.</summary>
    public int? Page => Number("page");

    /// <summary>The line of a text document, or null.</summary>
    public int? Line => Number("line");

    /// <summary>The table, counted from 1 in the document, or null.</summary>
    public int? Table => Number("table");

    /// <summary>The row in its table (<c>row</c>, or <c>table row</c> in text), or null.</summary>
    public int? Row => Number("row") ?? Number("table row");

    /// <summary>The column in its table, or null.</summary>
    public int? Column => Number("col");

    /// <summary>
    /// Reads a location string: comma-separated pieces, each one or more <c>words number</c> pairs. A piece that is not
    /// such pairs (a range such as <c>pages 4-5</c>) is kept in <see cref="Text"/> only.
    /// </summary>
    public static SourceLocation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<LocationPart>();
        foreach (var piece in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = new List<string>();
            var pairs = new List<LocationPart>();
            var valid = true;
            foreach (var token in piece.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    if (words.Count == 0)
                    {
                        valid = false;
                        break;
                    }

                    pairs.Add(new LocationPart(string.Join(' ', words), number));
                    words.Clear();
                }
                else if (token.All(char.IsAsciiLetterLower))
                {
                    words.Add(token);
                }
                else
                {
                    valid = false;
                    break;
                }
            }

            if (valid && words.Count == 0)
            {
                parts.AddRange(pairs);
            }
        }

        return new SourceLocation(text, ValueList.Of(parts));
    }

    /// <summary>The number of the first part of <paramref name="kind"/>, or null.</summary>
    public int? Number(string kind)
    {
        foreach (var part in Parts)
        {
            if (part.Kind == kind)
            {
                return part.Number;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
