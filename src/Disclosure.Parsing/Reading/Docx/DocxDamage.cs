using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Disclosure.Parsing.Reading.Docx;

/// <summary>Tells a damaged package from a defect of ours, and says in plain words what is damaged.</summary>
internal static class DocxDamage
{
    private const int MaxDetail = 160;

    /// <summary>
    /// True for what the zip, XML and Open XML libraries throw at a damaged package; false for cancellation, memory, an
    /// error already worded, and anything thrown from this library's own code (a defect, which must surface as such).
    /// </summary>
    public static bool IsTheFiles(Exception e) =>
        e is not (OutOfMemoryException or OperationCanceledException or DocumentReadException or InsufficientExecutionStackException)
        && !ExceptionOrigin.IsOurs(e);

    /// <summary>What is wrong with the part being read, completing a sentence about it: "is not well-formed XML …".</summary>
    public static string Describe(Exception e)
    {
        var what = e switch
        {
            XmlException x when x.Message.Contains("DTD", StringComparison.Ordinal) => "declares a DTD, which Word never writes",
            XmlException x when x.Message.Contains("MaxCharacters", StringComparison.Ordinal) => "holds more text than the reader accepts in one part",
            XmlException x when x.LineNumber > 0 => $"is not well-formed XML (line {x.LineNumber}, column {x.LinePosition})",
            XmlException => "is not well-formed XML",
            InvalidDataException or IOException => "cannot be unpacked: the zip data is damaged or cut short",
            OpenXmlPackageException => "is not a valid Office package",
            FormatException or OverflowException => "holds a value that is not a valid number or name",
            _ => "is damaged",
        };
        var detail = e.Message.Length > MaxDetail ? e.Message[..MaxDetail] + "…" : e.Message;
        return $"{what} (detail: {detail.ReplaceLineEndings(" ")})";
    }
}
