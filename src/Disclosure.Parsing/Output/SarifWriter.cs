using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Rules;

namespace Disclosure.Parsing.Output;

/// <summary>
/// Writes results as one SARIF 2.1.0 log with one run: the rule catalogue in <c>tool.driver.rules</c>, a result per
/// finding located at its file (the line, for text documents) and at every cell it names (as a logical location, with
/// the cell's page and position in the location's message). Unreadable files become tool execution notifications.
/// Results are streamed as they are added, so a large batch is not held in memory.
/// </summary>
public sealed partial class SarifWriter : IDisposable
{
    private readonly Utf8JsonWriter _json;
    private readonly IReadOnlyList<RuleDescriptor> _rules;
    // A crawl is mostly pages that are not reports, and may hold thousands of broken files: the log names a bounded
    // number of them, and counts the rest, so that the writer's memory does not grow with the batch.
    private const int MaxNotifications = 10_000;
    private readonly List<(string File, string Error)> _unreadable = [];
    private int _notReports;
    private int _notListed;
    private bool _completed;

    /// <summary>Starts the log on <paramref name="output"/> (UTF-8), declaring <paramref name="rules"/> in the driver.</summary>
    public SarifWriter(Stream output, IReadOnlyList<RuleDescriptor> rules, string toolVersion)
    {
        _rules = rules;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        _json.WriteString("version", "2.1.0");
        _json.WriteStartArray("runs");
        _json.WriteStartObject();
        _json.WriteStartObject("tool");
        _json.WriteStartObject("driver");
        _json.WriteString("name", "disclosure");
        _json.WriteString("fullName", "Disclosure.Parsing audit of government information disclosure annual reports");
        _json.WriteString("semanticVersion", toolVersion);
        _json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            _json.WriteStartObject();
            _json.WriteString("id", rule.Id);
            _json.WriteString("name", Name(rule.Title));
            Text("shortDescription", rule.Title);
            Text("fullDescription", rule.Help);
            Text("help", rule.Help);
            _json.WriteStartObject("defaultConfiguration");
            _json.WriteString("level", Level(rule.DefaultSeverity));
            _json.WriteEndObject();
            _json.WriteStartObject("properties");
            _json.WriteString("category", rule.Category);
            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.WriteStartArray("results");
    }

    /// <summary>Adds the findings of one document (or notes that it could not be read).</summary>
    public void Add(AuditResult result)
    {
        if (result.Error is not null)
        {
            if (result.ErrorKind == FailureKind.NotAReport)
            {
                _notReports++;
            }
            else if (_unreadable.Count < MaxNotifications)
            {
                _unreadable.Add((result.File, result.Error));
            }
            else
            {
                _notListed++;
            }

            return;
        }

        foreach (var f in result.Findings)
        {
            _json.WriteStartObject();
            _json.WriteString("ruleId", f.RuleId);
            var index = _rules.Select(static r => r.Id).ToList().IndexOf(f.RuleId);
            if (index >= 0)
            {
                _json.WriteNumber("ruleIndex", index);
            }

            _json.WriteString("level", Level(f.Severity));
            Text("message", f.Message);
            _json.WriteStartArray("locations");
            if (f.Cells.Count == 0)
            {
                Location(result, null);
            }

            foreach (var key in f.Cells)
            {
                Location(result, key);
            }

            _json.WriteEndArray();
            _json.WriteStartObject("properties");
            if (f.Section is not null)
            {
                _json.WriteString("section", f.Section);
            }

            if (f.Expected is { } expected)
            {
                _json.WriteNumber("expected", expected);
            }

            if (f.Actual is { } actual)
            {
                _json.WriteNumber("actual", actual);
            }

            _json.WriteEndObject();
            _json.WriteEndObject();
        }

        _json.Flush();
    }

    /// <summary>Closes the log: unreadable files are listed as tool execution notifications.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _json.WriteEndArray();
        _json.WriteStartArray("invocations");
        _json.WriteStartObject();
        _json.WriteBoolean("executionSuccessful", true);
        _json.WriteStartArray("toolExecutionNotifications");
        foreach (var (file, error) in _unreadable)
        {
            _json.WriteStartObject();
            _json.WriteString("level", "error");
            Text("message", $"{file}: {error}");
            _json.WriteStartArray("locations");
            _json.WriteStartObject();
            _json.WriteStartObject("physicalLocation");
            Artifact(file);
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        if (_notListed > 0)
        {
            _json.WriteStartObject();
            _json.WriteString("level", "error");
            Text("message", $"{_notListed} more files could not be read (only the first {MaxNotifications} are named)");
            _json.WriteEndObject();
        }

        if (_notReports > 0)
        {
            _json.WriteStartObject();
            _json.WriteString("level", "note");
            Text("message", $"{_notReports} files were not disclosure annual reports and were passed over");
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Complete();
        _json.Dispose();
    }

    /// <summary>A file path as a SARIF URI reference: forward slashes, each segment escaped.</summary>
    internal static string Uri(string file) =>
        string.Join('/', file.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));

    private void Location(AuditResult result, string? key)
    {
        var cell = key is null ? null : result.Report?.Cell(key);
        _json.WriteStartObject();
        _json.WriteStartObject("physicalLocation");
        Artifact(result.File);
        // A line is a region SARIF viewers can open; pages, tables and cells are said in the message.
        if (cell?.Place.Line is { } line)
        {
            _json.WriteStartObject("region");
            _json.WriteNumber("startLine", line);
            _json.WriteEndObject();
        }

        _json.WriteEndObject();
        if (key is not null)
        {
            _json.WriteStartArray("logicalLocations");
            _json.WriteStartObject();
            _json.WriteString("fullyQualifiedName", key);
            _json.WriteString("kind", "member");
            _json.WriteEndObject();
            _json.WriteEndArray();
            if (cell is not null)
            {
                Text("message", cell.Location);
            }
        }

        _json.WriteEndObject();
    }

    private void Artifact(string file)
    {
        _json.WriteStartObject("artifactLocation");
        _json.WriteString("uri", Uri(file));
        _json.WriteEndObject();
    }

    private void Text(string property, string text)
    {
        _json.WriteStartObject(property);
        _json.WriteString("text", text);
        _json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    // "A cell is blank or not a number" -> "ACellIsBlankOrNotANumber": SARIF's name is an identifier-like form.
    private static string Name(string title) =>
        string.Concat(WordPattern().Matches(title).Select(static m => char.ToUpperInvariant(m.Value[0]) + m.Value[1..]));

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex WordPattern();
}
