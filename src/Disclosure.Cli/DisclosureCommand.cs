using System.CommandLine;
using System.Text;
using Disclosure.Parsing;
using Disclosure.Parsing.Batch;
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

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken cancellationToken = default)
    {
        var root = Build(stdout, stderr, interactive, cancellationToken);
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

    private static RootCommand Build(TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken)
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
        var format = FormatOption();
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var findings = new Option<bool>("--findings") { Description = "With --format csv or parquet: one row per finding instead of one row per report." };
        var (ruleOption, disable, rulesFile) = RuleOptions();
        var crossYear = new Option<bool>("--cross-year")
        {
            Description = "Also compare reports of the same agency in consecutive years (XYR rules), after every file is read. " +
                          "Keeps only the few cells pairing needs; for results written in parts, see 'disclosure cross-year'.",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one file may take; a file past it gets its own 'timed out' result and the batch goes on.",
            DefaultValueFactory = _ => 60,
        };
        var memory = new Option<int>("--memory-budget")
        {
            Description = "Megabytes of heap one file may take (in a worker process); a file that needs more gets its own error. 0: no limit.",
            DefaultValueFactory = _ => 1024,
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Files read at once (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Read only part K of N (K from 0), e.g. --shard 0/4: parts are disjoint, chosen by a hash of each path " +
                          "relative to the directory given, so machines agree without talking.",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "With -o FILE and --format jsonl: skip the files whose result is already in FILE and append the others.",
        };
        var inProcess = new Option<bool>("--in-process")
        {
            Description = "Read in this process instead of killable worker processes: no memory budget, and a file past its limit " +
                          "is left running on its own thread.",
        };
        var audit = new Command("audit", "Audit reports in batch and write one result per file; a summary goes to standard error.")
        {
            pathsArgument,
            format,
            output,
            findings,
            ruleOption,
            disable,
            rulesFile,
            crossYear,
            timeout,
            memory,
            jobs,
            shard,
            resume,
            inProcess,
        };
        audit.SetAction(parse =>
        {
            AuditOptions options;
            Shard? part = null;
            try
            {
                options = Options(parse.GetValue(rulesFile), parse.GetValue(ruleOption) ?? [], parse.GetValue(disable) ?? []);
                part = parse.GetValue(shard) is { } s ? Shard.Parse(s) : null;
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(e.Message);
                return Unreadable;
            }

            var seconds = parse.GetValue(timeout);
            var parallelism = parse.GetValue(jobs);
            var budget = parse.GetValue(memory);
            if (seconds <= 0 || parallelism < 1 || budget < 0)
            {
                stderr.WriteLine("--timeout and --jobs must be positive, --memory-budget 0 or more");
                return Unreadable;
            }

            var request = new BatchRequest(
                parse.GetValue(pathsArgument)!,
                Shape(parse.GetValue(format)!, parse.GetValue(findings)),
                parse.GetValue(output),
                options,
                parse.GetValue(crossYear),
                part,
                parse.GetValue(resume),
                new BatchOptions
                {
                    FileTimeout = TimeSpan.FromSeconds(seconds),
                    MaxParallelism = parallelism,
                    WorkerProcess = parse.GetValue(inProcess) ? null : WorkerProcess(options, budget),
                });
            return new BatchRun(request, stdout, stderr, interactive, cancellationToken).Run();
        });

        var resultsArgument = new Argument<string[]>("results")
        {
            Description = "Result files of 'disclosure audit' (--format jsonl, or parquet reports tables; one machine's, or the parts of many), or directories of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var pairFormat = FormatOption();
        var pairOutput = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var (pairRule, pairDisable, pairRulesFile) = RuleOptions();
        var pairs = new Command(
            "cross-year",
            "Compare reports of one agency in consecutive years across result files written before, by one machine or many " +
            "(a second pass: keeps only agency, year and the cells the XYR rules read). Writes the cross-year findings.")
        {
            resultsArgument,
            pairFormat,
            pairOutput,
            pairRule,
            pairDisable,
            pairRulesFile,
        };
        pairs.SetAction(parse =>
        {
            AuditOptions options;
            try
            {
                options = Options(parse.GetValue(pairRulesFile), parse.GetValue(pairRule) ?? [], parse.GetValue(pairDisable) ?? []);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(e.Message);
                return Unreadable;
            }

            return CrossYearCommand.Run(parse.GetValue(resultsArgument)!, Shape(parse.GetValue(pairFormat)!, findings: true), parse.GetValue(pairOutput), options, stdout, stderr);
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
            pairs,
            layout,
            rules,
        };
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: a summary per file and its findings; jsonl: the contract's JSON, one line per file; " +
                          "csv: one row per report, one column per cell key (UTF-8 with BOM); sarif: SARIF 2.1.0 for code-scanning tools; " +
                          "parquet (with -o FILE): one row per report, one typed column per cell key (docs/parquet.md). " +
                          "With --findings, csv and parquet give one row per finding instead.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "jsonl", "csv", "sarif", "parquet");
        return format;
    }

    private static (Option<string[]> Rule, Option<string[]> Disable, Option<string?> RulesFile) RuleOptions() =>
    (
        new Option<string[]>("--rule") { Description = "Override a rule's severity, e.g. --rule SUM002=warning (repeatable)." },
        new Option<string[]>("--disable") { Description = "Do not run a rule, e.g. --disable CELL001 (repeatable)." },
        new Option<string?>("--rules") { Description = "A JSON rules file: {\"severity\": {\"SUM002\": \"warning\"}, \"disable\": [\"CELL001\"]}." }
    );

    private static string Shape(string format, bool findings) => format is "csv" or "parquet" && findings ? format + "-findings" : format;

    /// <summary>
    /// This program again, as the worker that reads files for the batch (the hidden 'worker' command), with the same
    /// rule options. Null where this program cannot be started again (no path to it).
    /// </summary>
    internal static WorkerProcessOptions? WorkerProcess(AuditOptions options, int budgetMegabytes)
    {
        var exe = Environment.ProcessPath;
        if (exe is null)
        {
            return null;
        }

        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(exe).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Run as 'dotnet disclosure.dll' (or inside a test host): the worker is this assembly, run the same way.
            var assembly = Path.Combine(AppContext.BaseDirectory, typeof(DisclosureCommand).Assembly.GetName().Name + ".dll");
            if (!File.Exists(assembly))
            {
                return null;
            }

            arguments.Add(assembly);
        }

        arguments.Add("worker");
        arguments.AddRange(WorkerArguments(options));
        return new WorkerProcessOptions(exe, arguments) { MemoryBudgetBytes = budgetMegabytes == 0 ? null : budgetMegabytes * 1024L * 1024 };
    }

    internal static IEnumerable<string> WorkerArguments(AuditOptions options) =>
        options.SeverityOverrides.OrderBy(static kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(static kv => new[] { "--rule", $"{kv.Key}={ReportJson.SeverityName(kv.Value)}" })
            .Concat(options.DisabledRules.Order(StringComparer.Ordinal).SelectMany(static id => new[] { "--disable", id }));

    /// <summary>The hidden 'worker' command: reads the files asked for on standard input, one result line each on standard output.</summary>
    public static int Worker(string[] args, Stream input, Stream output, TextWriter stderr)
    {
        var overrides = new List<string>();
        var disabled = new List<string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            (args[i] == "--rule" ? overrides : args[i] == "--disable" ? disabled : null)?.Add(args[i + 1]);
        }

        AuditOptions options;
        try
        {
            options = Options(null, [.. overrides], [.. disabled]);
        }
        catch (FormatException e)
        {
            stderr.WriteLine(e.Message);
            return Unreadable;
        }

        var pipeline = new DisclosurePipelineBuilder { AuditOptions = options }.UseDefaultReaders().UseCoreRules().Build();
        return BatchWorkerHost.Serve(pipeline, input, output);
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

    internal static string ToolVersion => typeof(DisclosurePipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

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
