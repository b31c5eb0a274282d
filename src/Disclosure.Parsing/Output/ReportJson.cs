using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Parsing.Output;

/// <summary>Writes results in the contract's JSON shape (camelCase, one object per document; JSON Lines in batch).</summary>
public static class ReportJson
{
    private static readonly ReportJsonContext Compact = new(new JsonSerializerOptions
    {
        // Chinese stays readable; the output is UTF-8, so nothing needs escaping beyond JSON's own rules.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });

    private static readonly ReportJsonContext Indented = new(new JsonSerializerOptions(Compact.Options) { WriteIndented = true });

    // The generated serializer's fast path runs only with options that match the context's own (no encoder among
    // them), so the line is written through a writer that carries the relaxed encoder: half the time of the general path.
    private static readonly JsonWriterOptions RelaxedWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>The result as one line of JSON (no line breaks), for JSON Lines.</summary>
    public static string ToJsonLine(AuditResult result)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, RelaxedWriter))
        {
            JsonSerializer.Serialize(writer, ToDto(result), ReportJsonContext.Default.ReportDocument);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The result as indented JSON, for reading.</summary>
    public static string ToIndentedJson(AuditResult result) => JsonSerializer.Serialize(ToDto(result), Indented.ReportDocument);

    /// <summary>
    /// The cross-year findings of a pair as one line of JSON: the later report's <c>file</c>, <c>agency</c> and <c>year</c>,
    /// a <c>crossYear</c> object naming the earlier report, and the findings in the contract's shape. In a JSON Lines
    /// batch these lines follow the per-file lines; a consumer merges them by <c>file</c>.
    /// </summary>
    public static string ToCrossYearLine(CrossYearResult pair)
    {
        var document = new CrossYearDocument(
            pair.File,
            new CrossYearReference(pair.PreviousFile, pair.PreviousYear),
            pair.Report.Agency,
            pair.Report.Year,
            Findings(pair.Findings, pair.Report));
        return JsonSerializer.Serialize(document, Compact.CrossYearDocument);
    }

    internal static ReportDocument ToDto(AuditResult result)
    {
        var report = result.Report;
        var cells = new Dictionary<string, CellDocument>(StringComparer.Ordinal);
        if (report is not null)
        {
            // Catalogue order, so the same input always gives the same bytes.
            foreach (var def in CellCatalog.All)
            {
                if (report.Cells.TryGetValue(def.Key, out var c))
                {
                    cells[def.Key] = new CellDocument(c.Value, c.Text, c.Location);
                }
            }
        }

        return new ReportDocument(
            result.File,
            result.Format,
            report?.Agency,
            report?.Year,
            report?.Template,
            report?.Tables.Where(static t => t.Found).ToDictionary(static t => t.Name, t => t.Template ?? report.Template, StringComparer.Ordinal),
            report?.Sections.Select(static s => new SectionDocument(s.Number, s.Title, s.Found, s.Location)).ToList() ?? [],
            cells,
            Findings(result.Findings, report),
            result.Error,
            result.ErrorKind is { } kind ? FailureKinds.Name(kind) : null,
            result.Problems,
            report is null ? null : ReportMetrics.Of(report));
    }

    private static List<FindingDocument> Findings(IEnumerable<Finding> findings, Report? report) =>
        findings.Select(f => new FindingDocument(
            f.RuleId, SeverityName(f.Severity), f.Section, f.Cells, f.Expected, f.Actual, f.Message,
            Rules.RuleCatalog.Find(f.RuleId)?.Help,
            f.Cells.Where(k => report?.Cells.ContainsKey(k) == true).ToDictionary(static k => k, k => report!.Cells[k].Location))).ToList();

    /// <summary>The lower-case name the outputs use: <c>error</c>, <c>warning</c>, <c>note</c>.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}

internal sealed record ReportDocument(
    string File,
    string? Format,
    string? Agency,
    int? Year,
    string? Template,
    Dictionary<string, string?>? TableTemplates,
    IReadOnlyList<SectionDocument> Sections,
    Dictionary<string, CellDocument> Cells,
    IReadOnlyList<FindingDocument> Findings,
    string? Error,
    string? ErrorKind,
    IReadOnlyList<string> Problems,
    ReportMetrics? Metrics);

internal sealed record SectionDocument(string Number, string Title, bool Found, string? Location);

internal sealed record CellDocument(decimal? Value, string Text, string Location);

internal sealed record FindingDocument(
    string RuleId,
    string Severity,
    string? Section,
    IReadOnlyList<string> Cells,
    decimal? Expected,
    decimal? Actual,
    string Message,
    string? Help,
    Dictionary<string, string> Locations);

internal sealed record CrossYearDocument(string File, CrossYearReference CrossYear, string? Agency, int? Year, IReadOnlyList<FindingDocument> Findings);

internal sealed record CrossYearReference(string PreviousFile, int PreviousYear);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(CrossYearDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
