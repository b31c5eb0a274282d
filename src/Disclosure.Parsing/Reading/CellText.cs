using System.Text.RegularExpressions;

namespace Disclosure.Parsing.Reading;

/// <summary>How readers fold the text of a cell or paragraph: whitespace runs (nbsp, full-width, tabs) to one space per line, empty lines dropped.</summary>
internal static partial class CellText
{
    public static string Clean(string text)
    {
        var lines = text.Replace("\r", string.Empty).Split('\n')
            .Select(static l => Whitespace().Replace(l, " ").Trim())
            .Where(static l => l.Length > 0);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"[\s\u00A0\u3000\u200B\uFEFF]+")]
    private static partial Regex Whitespace();
}
