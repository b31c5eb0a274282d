using DocumentFormat.OpenXml;

namespace Disclosure.Parsing.Reading.Docx;

/// <summary>Attribute values read without trusting them: a damaged value is missing, not an exception.</summary>
internal static class WordValues
{
    /// <summary>Word tables have at most 63 columns; a span or offset past that is damage, and would run the grid off its end.</summary>
    public const int MaxColumns = 63;

    /// <summary>An integer attribute's value, or null where it is missing or not a number (reading it would throw).</summary>
    public static int? Int(Int32Value? value) => value is { HasValue: true } ? value.Value : null;
}
