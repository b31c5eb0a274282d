using System.Collections.Concurrent;
using System.CommandLine;
using System.Text;
using Disclosure.Parsing;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Cli;

/// <summary>The <c>disclosure</c> command line: <c>extract</c> and <c>audit</c>.</summary>
internal static class DisclosureCommand
{
    /// <summary>Exit status: no error findings.</summary>
    public const int Clean = 0;

    /// <summary>Exit status: error findings.</summary>
    public const int Findings = 1;

    /// <summary>Exit status: a file could not be read, or the usage was wrong.</summary>
    public const int Unreadable = 2;

    private static readonly string[] DocumentExtensions = [".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".docx", ".doc", ".pdf"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            stderr.WriteLine("Run 'disclosure --help' for usage.");
            return Unreadable;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var fileArgument = new Argument<string>("file") { Description = "The report document (.html, .txt)." };
        var extract = new Command("extract", "Print the JSON of one report: sections, cells with value, text and location, findings.")
        {
            fileArgument,
        };
        extract.SetAction(parse =>
        {
            var result = AuditOne(DisclosurePipeline.Default, parse.GetValue(fileArgument)!);
            stdout.Write(ReportJson.ToIndentedJson(result));
            stdout.Write('\n');
            return ExitCode([result]);
        });

        var layoutArgument = new Argument<string>("file") { Description = "The document to show as the reader sees it." };
        var layout = new Command("layout", "Show what the reader made of a document: its paragraphs and tables, cell by cell (for diagnosing a wrong cell).")
        {
            layoutArgument,
        };
        layout.SetAction(parse =>
        {
            var file = parse.GetValue(layoutArgument)!;
            try
            {
                var doc = DisclosurePipeline.Default.ReadLayout(File.ReadAllBytes(file), file);
                stdout.Write(LayoutText.Describe(doc));
                return Clean;
            }
            catch (Exception e) when (e is DocumentReadException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{file}: {e.Message}");
                return Unreadable;
            }
        });

        var pathsArgument = new Argument<string[]>("paths")
        {
            Description = "Report files and directories (searched recursively for .html, .htm, .txt, .docx, .doc, .pdf).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: a summary per file and its findings; jsonl: the contract's JSON, one line per file; " +
                          "csv: one row per report, one column per cell key (UTF-8 with BOM); sarif: SARIF 2.1.0 for code-scanning tools.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "jsonl", "csv", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var findings = new Option<bool>("--findings") { Description = "With --format csv: one row per finding instead of one row per report." };
        var ruleOption = new Option<string[]>("--rule") { Description = "Override a rule's severity, e.g. --rule SUM002=warning (repeatable)." };
        var disable = new Option<string[]>("--disable") { Description = "Do not run a rule, e.g. --disable CELL001 (repeatable)." };
        var crossYear = new Option<bool>("--cross-year")
        {
            Description = "Also compare reports of the same agency in consecutive years (XYR rules). Holds every result until the batch ends.",
        };
        var rulesFile = new Option<string?>("--rules") { Description = "A JSON rules file: {\"severity\": {\"SUM002\": \"warning\"}, \"disable\": [\"CELL001\"]}." };
        var audit = new Command("audit", "Audit reports in batch and print one result per file.")
        {
            pathsArgument,
            format,
            output,
            findings,
            ruleOption,
            disable,
            rulesFile,
            crossYear,
        };
        audit.SetAction(parse =>
        {
            AuditOptions options;
            try
            {
                options = Options(parse.GetValue(rulesFile), parse.GetValue(ruleOption) ?? [], parse.GetValue(disable) ?? []);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(e.Message);
                return Unreadable;
            }

            var pipeline = new DisclosurePipelineBuilder { AuditOptions = options }.UseDefaultReaders().UseCoreRules().Build();
            var shape = parse.GetValue(format) == "csv" && parse.GetValue(findings) ? "csv-findings" : parse.GetValue(format)!;
            var paths = parse.GetValue(pathsArgument)!;
            var outPath = parse.GetValue(output);
            if (outPath is null)
            {
                return Audit(pipeline, paths, shape, parse.GetValue(crossYear), stdout, stderr);
            }

            using var file = new StreamWriter(outPath, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
            return Audit(pipeline, paths, shape, parse.GetValue(crossYear), file, stderr);
        });

        var markdown = new Option<bool>("--markdown") { Description = "Print the catalogue as Markdown (the source of docs/rules.md)." };
        var rules = new Command("rules", "List the audit rules: ID, default severity, category, title.") { markdown };
        rules.SetAction(parse =>
        {
            var descriptors = RuleCatalog.Descriptors;
            stdout.Write(parse.GetValue(markdown) ? RuleDocs.Markdown(descriptors) : RuleDocs.Listing(descriptors));
            return Clean;
        });

        return new RootCommand(
            "Reads Chinese government information disclosure annual reports (政府信息公开工作年度报告), extracts their " +
            "statistical tables and audits them.\n\nExamples:\n" +
            "  disclosure audit testdata/sample/linhe_like_2023.html\n" +
            "  disclosure audit reports/ --format jsonl > results.jsonl\n" +
            "  disclosure audit reports/ --format csv -o cells.csv\n" +
            "  disclosure audit reports/ --rule SUM002=warning --disable CELL001\n" +
            "  disclosure rules\n" +
            "  disclosure extract report.txt")
        {
            extract,
            audit,
            layout,
            rules,
        };
    }

    /// <summary>Audit options from a rules file, then --rule and --disable on top of it.</summary>
    internal static AuditOptions Options(string? rulesFile, string[] overrides, string[] disabled)
    {
        var fromFile = rulesFile is null ? new AuditOptions() : RuleCatalog.ReadOptions(File.ReadAllText(rulesFile));
        var severities = new Dictionary<string, Severity>(fromFile.SeverityOverrides, StringComparer.OrdinalIgnoreCase);
        foreach (var o in overrides)
        {
            var parts = o.Split('=', 2);
            if (parts.Length != 2)
            {
                throw new FormatException($"--rule takes ID=severity, not '{o}'");
            }

            severities[RuleCatalog.KnownId(parts[0])] = RuleCatalog.ParseSeverity(parts[1]);
        }

        var off = new HashSet<string>(fromFile.DisabledRules, StringComparer.OrdinalIgnoreCase);
        off.UnionWith(disabled.Select(RuleCatalog.KnownId));
        return new AuditOptions { SeverityOverrides = severities, DisabledRules = off };
    }

    private static int Audit(DisclosurePipeline pipeline, string[] paths, string format, bool crossYear, TextWriter sink, TextWriter stderr)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(static f => DocumentExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                // A path that does not exist still gets its own result line saying so.
                files.Add(path);
            }
        }

        using var sarif = format == "sarif" ? new SarifWriter(new TextStream(sink), RuleCatalog.Descriptors, ToolVersion) : null;
        if (format is "csv" or "csv-findings")
        {
            sink.Write('\uFEFF');
            sink.Write(format == "csv" ? ReportCsv.Header() : ReportCsv.FindingsHeader());
        }

        // Counts only: holding every report until the end would grow the heap with the batch.
        var (total, unreadable, failing) = (0, 0, 0);

        // Every core, one file at a time to whichever is free (a 400-page report does not hold up a fixed share of the
        // batch), results still written in input order.
        IEnumerable<AuditResult> audited = Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering)
            .AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(f => AuditOne(pipeline, f));
        var compared = new List<string>();
        if (crossYear)
        {
            audited = CompareYears(pipeline, audited.ToList(), compared);
        }

        foreach (var result in audited)
        {
            total++;
            unreadable += result.Error is not null ? 1 : 0;
            failing += result.Error is null && result.HasErrors ? 1 : 0;
            switch (format)
            {
                case "jsonl":
                    sink.Write(ReportJson.ToJsonLine(result));
                    sink.Write('\n');
                    break;
                case "csv":
                    sink.Write(ReportCsv.Row(result));
                    break;
                case "csv-findings":
                    sink.Write(ReportCsv.FindingRows(result));
                    break;
                case "sarif":
                    sarif!.Add(result);
                    break;
                default:
                    sink.Write(ReportText.Summary(result));
                    break;
            }

            if (result.Error is not null && format != "text")
            {
                stderr.WriteLine($"{result.File}: {result.Error}");
            }
        }

        sarif?.Complete();
        foreach (var pair in compared)
        {
            (format == "text" ? sink : stderr).Write($"compared {pair}\n");
        }

        if (format == "text")
        {
            sink.Write($"{total} file(s): {total - unreadable - failing} clean, {failing} with errors, {unreadable} unreadable\n");
        }

        sink.Flush();
        return unreadable > 0 ? Unreadable : failing > 0 ? Findings : Clean;
    }

    /// <summary>Adds the cross-year findings to the later report of every pair, and names the pairs compared.</summary>
    private static List<AuditResult> CompareYears(DisclosurePipeline pipeline, List<AuditResult> results, List<string> compared)
    {
        var pairs = ReportPairing.Pair(results.Where(static r => r.Report is not null).Select(static r => (r.File, r.Report!)));
        var extra = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var (current, previous) = (pair.Current, pair.Previous);
            compared.Add($"{current.Report.Agency} {previous.Report.Year} ({previous.File}) with {current.Report.Year} ({current.File})");
            extra.TryAdd(current.File, []);
            extra[current.File].AddRange(pipeline.CheckPair(current.Report, previous.Report));
        }

        return results.Select(r => extra.TryGetValue(r.File, out var more) ? r with { Findings = [.. r.Findings, .. more] } : r).ToList();
    }

    private static string ToolVersion => typeof(DisclosurePipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Audits one file; an unexpected failure becomes that file's error, never the batch's.</summary>
    internal static AuditResult AuditOne(DisclosurePipeline pipeline, string file)
    {
        try
        {
            return pipeline.Audit(file);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return AuditResult.Failed(file, null, FailureKind.InternalError, $"unexpected error while reading: {e.GetType().Name}: {e.Message}");
        }
    }

    private static int ExitCode(IReadOnlyCollection<AuditResult> results) =>
        results.Any(static r => r.Error is not null) ? Unreadable
        : results.Any(static r => r.HasErrors) ? Findings
        : Clean;
}
