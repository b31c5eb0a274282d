using System.Globalization;
using System.Text;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;

namespace Disclosure.Cli.Formatting;

/// <summary>
/// The cell data set: one row per report, one column per canonical cell key in the contract's order. UTF-8 with a
/// BOM and RFC 4180 quoting (CRLF line ends), so Excel and WPS on Chinese Windows open it as it is.
/// </summary>
internal static class ReportCsv
{
    /// <summary>The byte order mark to write once at the start of the file.</summary>
    public static ReadOnlySpan<byte> Preamble => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The header line: <c>file,agency,year</c>, then every cell key, then <c>format,error,error_kind</c> (what the file
    /// was read as, and why it could not be read: an unreadable file's row is not a blank report's).
    /// </summary>
    public static string Header() =>
        Line(new[] { "file", "agency", "year" }.Concat(CellCatalog.All.Select(static c => c.Key)).Concat(["format", "error", "error_kind"]));

    /// <summary>The data line of one result; a cell that is absent, blank or not a number is an empty field.</summary>
    public static string Row(AuditResult result)
    {
        var report = result.Report;
        var fields = new List<string>(CellCatalog.All.Count + 6)
        {
            result.File,
            report?.Agency ?? string.Empty,
            report?.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
        foreach (var def in CellCatalog.All)
        {
            var value = report?.Value(def.Key);
            fields.Add(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        }

        fields.Add(result.Format ?? string.Empty);
        fields.Add(result.Error ?? string.Empty);
        fields.Add(result.ErrorKind is { } kind ? FailureKinds.Name(kind) : string.Empty);
        return Line(fields);
    }

    private static string Line(IEnumerable<string> fields)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var f in fields)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            sb.Append(Quote(f));
        }

        return sb.Append("\r\n").ToString();
    }

    /// <summary>The header line of the findings data set: one row per finding; <c>location</c> is where it is (page, table, row or column).</summary>
    public static string FindingsHeader() =>
        Line(["file", "agency", "year", "rule", "severity", "section", "cells", "expected", "actual", "message", "location"]);

    /// <summary>One line per finding of a result; an unreadable file gives one line with its error as the message.</summary>
    public static string FindingRows(AuditResult result)
    {
        var report = result.Report;
        string[] who = [result.File, report?.Agency ?? string.Empty, report?.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty];
        if (result.Error is not null)
        {
            return Line([.. who, string.Empty, "error", string.Empty, string.Empty, string.Empty, string.Empty, result.Error, string.Empty]);
        }

        var sb = new StringBuilder();
        foreach (var f in result.Findings)
        {
            sb.Append(Line([.. who, f.RuleId, ReportJson.SeverityName(f.Severity), f.Section ?? string.Empty, string.Join(' ', f.Cells),
                f.Expected?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, f.Actual?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, f.Message,
                FindingPlace.Describe(f, report) ?? string.Empty]));
        }

        return sb.ToString();
    }

    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
