using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Disclosure.Parsing.Reading.Docx;

/// <summary>
/// Measures how deeply a part's XML nests before the Open XML SDK loads it. The SDK builds its tree by recursion, so
/// elements nested some tens of thousands deep overflow the stack and kill the process (no exception to catch); a
/// streaming reader measures the depth in constant stack.
/// </summary>
internal static class XmlDepth
{
    /// <summary>
    /// Word nests a few dozen levels (body, table, row, cell, paragraph, run, drawing, text box, and again inside);
    /// a thousand leaves room for tables in tables and stays far from the SDK's limit on a thread pool thread.
    /// </summary>
    public const int Max = 1000;

    /// <summary>Null when the part can be loaded; otherwise what is wrong with it, completing a sentence about the part.</summary>
    public static string? Problem(OpenXmlPart part, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            if (reader.Depth > Max)
            {
                return $"nests its elements more than {Max} deep, which no Word document does: it is damaged or made to crash readers";
            }
        }

        return null;
    }
}
