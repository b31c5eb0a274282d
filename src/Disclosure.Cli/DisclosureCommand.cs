using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using Disclosure.Cli.Formatting;
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

    /// <summary>What the help says of the exit status, and the README too.</summary>
    internal const string ExitStatusHelp =
        "Exit status: 0 no error findings, 1 error findings, 2 a file could not be read or the usage was wrong, 130 interrupted.";

    /// <summary>Standard input as a document: <c>disclosure audit -</c>, <c>disclosure extract -</c>.</summary>
    internal const string StandardInput = "-";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken cancellationToken = default, Func<Stream>? stdin = null)
    {
        // Bare 'disclosure' is someone finding their way: the help, not an error.
        if (args.Length == 0)
        {
            args = ["--help"];
        }

        var root = Build(stdout, stderr, interactive, cancellationToken, stdin ?? Console.OpenStandardInput);
        var parse = root.Parse(args);
        if (UnknownOption(parse) is { } unknown)
        {
            stderr.WriteLine(unknown);
            stderr.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return Unreadable;
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            stderr.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return Unreadable;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static string CommandPath(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "disclosure" : "disclosure " + parse.CommandResult.Command.Name;

    /// <summary>
    /// A word that looks like an option but is none of the command's, taken as a file name by the parser
    /// (<c>--frmat</c>): said to be an unknown option, with the closest one. A file that exists by that name is read;
    /// after <c>--</c> every word is a file.
    /// </summary>
    internal static string? UnknownOption(ParseResult parse)
    {
        if (parse.CommandResult.Command is RootCommand root && parse.UnmatchedTokens is [var first, ..] && !first.StartsWith('-'))
        {
            var command = Closest(first, root.Subcommands.Where(static c => !c.Hidden).Select(static c => c.Name));
            return $"unknown command '{first}'{(command is null ? string.Empty : $"; did you mean '{command}'?")}";
        }

        var doubleDash = parse.Tokens.ToList().FindIndex(static t => t.Type == TokenType.DoubleDash);
        var words = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(static a => a.Tokens).Select(static t => t.Value)
            .Concat(parse.UnmatchedTokens);
        foreach (var word in words)
        {
            if (word.Length < 2 || word[0] != '-' || File.Exists(word) || Directory.Exists(word))
            {
                continue;
            }

            var at = parse.Tokens.ToList().FindIndex(t => t.Value == word);
            if (doubleDash >= 0 && at > doubleDash)
            {
                continue;
            }

            var name = word.Split('=', 2)[0];
            var closest = Closest(name, parse.CommandResult.Command.Options.Where(static o => !o.Hidden).SelectMany(static o => o.Aliases.Prepend(o.Name)));
            return $"unknown option '{name}' for '{CommandPath(parse)}'{(closest is null ? string.Empty : $"; did you mean '{closest}'?")}";
        }

        return null;
    }

    /// <summary>The name nearest to a misspelt one, if any is near enough to be what was meant.</summary>
    private static string? Closest(string word, IEnumerable<string> names) =>
        names.Distinct()
            .Select(n => (Name: n, Distance: Distance(word, n)))
            .Where(x => x.Distance <= Math.Max(2, word.Length / 3))
            .OrderBy(static x => x.Distance).ThenBy(static x => x.Name, StringComparer.Ordinal)
            .Select(static x => x.Name)
            .FirstOrDefault();

    /// <summary>Edit distance (insertions, deletions, substitutions, and swaps of neighbours: a typo's usual kinds).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken, Func<Stream> stdin)
    {
        var fileArgument = new Argument<string>("file")
        {
            Description = "The report document: .html, .htm, .txt, .docx or .pdf; - reads one from standard input (its format told by its content).",
        };
        var extract = new Command(
            "extract",
            "Print one report as JSON: its sections, every cell with value, text and location, and the findings. " + ExitStatusHelp)
        {
            fileArgument,
        };
        extract.SetAction(parse =>
        {
            var file = parse.GetValue(fileArgument)!;
            if (Directory.Exists(file))
            {
                stderr.WriteLine($"{file}: a directory; extract reads one document (for a directory: disclosure audit {file})");
                return Unreadable;
            }

            var result = file == StandardInput ? AuditStandardInput(DisclosurePipeline.Default, stdin) : AuditOne(DisclosurePipeline.Default, file);
            stdout.Write(ReportJson.ToIndentedJson(result));
            stdout.Write('\n');
            return ExitCode([result]);
        });

        var layoutArgument = new Argument<string>("file")
        {
            Description = "The document to show as the reader sees it (.html, .htm, .txt, .docx, .pdf; - for standard input).",
        };
        var layout = new Command(
            "layout",
            "Show what the reader made of a document: its paragraphs and tables, cell by cell, rows and columns numbered from 1 " +
            "as in every location (for diagnosing a wrong cell).")
        {
            layoutArgument,
        };
        layout.SetAction(parse =>
        {
            var file = parse.GetValue(layoutArgument)!;
            try
            {
                var content = file == StandardInput ? ReadAll(stdin) : ReadDocument(file);
                var doc = DisclosurePipeline.Default.ReadLayout(content, file);
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
            Description = "Report files and directories (searched recursively for .html, .htm, .txt, .docx, .doc, .pdf); " +
                          "- alone reads one document from standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = FormatOption();
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var findings = new Option<bool>("--findings") { Description = "With --format csv or parquet: one row per finding instead of one row per report." };
        var auditRules = new RuleOptionSet();
        var crossYear = new Option<bool>("--cross-year")
        {
            Description = "Also compare reports of the same agency in consecutive years (XYR rules), after every file is read. " +
                          "Keeps only the few cells pairing needs; for results written in parts, see 'disclosure cross-year'.",
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Read only part K of N (K from 0), e.g. --shard 0/4: parts are disjoint, chosen by a hash of each path " +
                          "relative to the directory given, so machines agree without talking.",
            HelpName = "K/N",
        };
        var resume = new Option<bool>("--resume")
        {
            Description = "With -o FILE and --format jsonl: skip the files whose result is already in FILE and append the others.",
        };
        var limits = new BatchLimitOptions();
        var audit = new Command(
            "audit",
            "Audit reports in batch and write one result per file; a summary goes to standard error. " + ExitStatusHelp)
        {
            pathsArgument,
            format,
            output,
            findings,
            auditRules.Rule,
            auditRules.Disable,
            auditRules.RulesFile,
            crossYear,
            limits.Timeout,
            limits.Memory,
            limits.Jobs,
            shard,
            resume,
            limits.InProcess,
        };
        audit.SetAction(parse =>
        {
            if (!auditRules.TryRead(parse, stderr, out var options))
            {
                return Unreadable;
            }

            Shard? part;
            try
            {
                part = parse.GetValue(shard) is { } s ? Shard.Parse(s) : null;
            }
            catch (FormatException e)
            {
                stderr.WriteLine(e.Message);
                return Unreadable;
            }

            if (limits.Read(parse, options, stderr) is not { } batch)
            {
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
                batch);
            return new BatchRun(request, stdout, stderr, interactive, cancellationToken, stdin).Run();
        });

        var reportPaths = new Argument<string[]>("paths")
        {
            Description = "Report files and directories, as for 'audit'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var siteOutput = new Option<string>("--output", "-o") { Description = "The directory to write the site into (created if needed).", HelpName = "DIR", Required = true };
        var reportRules = new RuleOptionSet();
        var reportLimits = new BatchLimitOptions();
        var report = new Command(
            "report",
            "Write a static HTML site of the audit into DIR: a page per document (its tables as the template prints them, the " +
            "cells of findings marked, for a PDF its pages as read) and index.html, an overview of the batch (sortable, with the " +
            "ratios 公开率, 无法提供率, 不予公开率, 结转率, 纠错率 and each agency's years side by side). Self-contained: it fetches " +
            "nothing. Compares consecutive years as --cross-year does. " + ExitStatusHelp)
        {
            reportPaths,
            siteOutput,
            reportRules.Rule,
            reportRules.Disable,
            reportRules.RulesFile,
            reportLimits.Timeout,
            reportLimits.Memory,
            reportLimits.Jobs,
            reportLimits.InProcess,
        };
        report.SetAction(parse =>
        {
            if (!reportRules.TryRead(parse, stderr, out var options) || reportLimits.Read(parse, options, stderr) is not { } batch)
            {
                return Unreadable;
            }

            var paths = parse.GetValue(reportPaths)!;
            if (paths.Contains(StandardInput))
            {
                stderr.WriteLine("report reads files and directories, not standard input");
                return Unreadable;
            }

            var request = new BatchRequest(paths, "site", parse.GetValue(siteOutput), options, CrossYear: true, null, false, batch);
            return new BatchRun(request, stdout, stderr, interactive, cancellationToken, stdin).Run();
        });

        var resultsArgument = new Argument<string[]>("results")
        {
            Description = "Result files of 'disclosure audit' (--format jsonl, or parquet reports tables; one machine's, or the parts of many), or directories of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var pairFormat = FormatOption();
        var pairOutput = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };
        var pairRules = new RuleOptionSet();
        var pairs = new Command(
            "cross-year",
            "Compare reports of one agency in consecutive years across result files written before, by one machine or many " +
            "(a second pass: keeps only agency, year and the cells the XYR rules read). Writes the cross-year findings.")
        {
            resultsArgument,
            pairFormat,
            pairOutput,
            pairRules.Rule,
            pairRules.Disable,
            pairRules.RulesFile,
        };
        pairs.SetAction(parse =>
            pairRules.TryRead(parse, stderr, out var options)
                ? CrossYearCommand.Run(parse.GetValue(resultsArgument)!, Shape(parse.GetValue(pairFormat)!, findings: true), parse.GetValue(pairOutput), options, stdout, stderr)
                : Unreadable);

        var markdown = new Option<bool>("--markdown") { Description = "Print the catalogue as Markdown (the source of docs/rules.md)." };
        var rules = new Command("rules", "List the audit rules: ID, default severity, category, title.") { markdown };
        rules.SetAction(parse =>
        {
            var descriptors = RuleCatalog.Descriptors;
            stdout.Write(parse.GetValue(markdown) ? RuleDocs.Markdown(descriptors) : RuleDocs.Listing(descriptors));
            return Clean;
        });

        return new RootCommand(
            "Reads Chinese government information disclosure annual reports (政府信息公开工作年度报告: .html, .txt, .docx, " +
            ".pdf), extracts their statistical tables and audits them.\n\nExamples:\n" +
            "  disclosure audit report.pdf                       # a summary of the report and its findings\n" +
            "  disclosure audit reports/ --format jsonl > results.jsonl\n" +
            "  disclosure audit reports/ --format csv -o cells.csv\n" +
            "  disclosure audit reports/ --rule SUM002=warning --disable CELL001\n" +
            "  curl -s URL | disclosure audit -                  # one document from standard input\n" +
            "  disclosure extract report.docx                    # one report as JSON\n" +
            "  disclosure report reports/ -o site                # an HTML site: a page per document and index.html\n" +
            "  disclosure rules                                  # the rule IDs\n\n" +
            "'disclosure COMMAND --help' tells more of each command.\n" + ExitStatusHelp)
        {
            extract,
            audit,
            pairs,
            report,
            layout,
            rules,
        };
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: a summary per file and its findings; jsonl: one line of JSON per file (file, sections, cells with " +
                          "value, text and location, findings: as 'disclosure extract' prints); " +
                          "csv: one row per report, one column per cell key (UTF-8 with BOM); sarif: SARIF 2.1.0 for code-scanning tools; " +
                          "parquet (with -o FILE): one row per report, one typed column per cell key (docs/parquet.md). " +
                          "With --findings, csv and parquet give one row per finding instead.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "jsonl", "csv", "sarif", "parquet");
        return format;
    }

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
        var fromFile = rulesFile is null ? new AuditOptions() : ReadRulesFile(File.ReadAllText(rulesFile));
        var severities = new Dictionary<string, Severity>(fromFile.SeverityOverrides, StringComparer.OrdinalIgnoreCase);
        foreach (var o in overrides)
        {
            var parts = o.Split('=', 2);
            if (parts.Length != 2)
            {
                throw new FormatException($"--rule takes ID=severity, not '{o}'");
            }

            severities[KnownRule(parts[0])] = ParseSeverity(parts[1]);
        }

        var off = new HashSet<string>(fromFile.DisabledRules, StringComparer.OrdinalIgnoreCase);
        off.UnionWith(disabled.Select(KnownRule));
        return new AuditOptions { SeverityOverrides = severities, DisabledRules = off };
    }

    /// <summary>
    /// Reads audit options from a JSON rules file (--rules): <c>{"severity": {"SUM002": "warning"}, "disable": ["TEXT001"]}</c>.
    /// </summary>
    /// <exception cref="FormatException">The file names an unknown rule or severity, or is not such JSON.</exception>
    internal static AuditOptions ReadRulesFile(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
            var disabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (doc.RootElement.TryGetProperty("severity", out var sev))
            {
                foreach (var p in sev.EnumerateObject())
                {
                    severities[KnownRule(p.Name)] = ParseSeverity(p.Value.GetString() ?? string.Empty);
                }
            }

            if (doc.RootElement.TryGetProperty("disable", out var off))
            {
                foreach (var id in off.EnumerateArray())
                {
                    disabled.Add(KnownRule(id.GetString() ?? string.Empty));
                }
            }

            return new AuditOptions { SeverityOverrides = severities, DisabledRules = disabled };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new FormatException($"not a rules file: {e.Message}", e);
        }
    }

    /// <summary>The canonical ID of a rule named in the options or a rules file; a typo must not silently switch nothing off.</summary>
    private static string KnownRule(string id) => RuleCatalog.Find(id)?.Id ?? throw new FormatException($"unknown rule '{id}' (see 'disclosure rules')");

    /// <summary>Parses <c>error</c>, <c>warning</c> or <c>note</c>, as given to --rule or in a rules file.</summary>
    private static Severity ParseSeverity(string text) => text.Trim().ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "note" => Severity.Note,
        _ => throw new FormatException($"unknown severity '{text}' (error, warning or note)"),
    };

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

    /// <summary>Standard input, read whole, as one document named <c>-</c>: its format is told by its content.</summary>
    internal static AuditResult AuditStandardInput(DisclosurePipeline pipeline, Func<Stream> stdin)
    {
        byte[] content;
        try
        {
            content = ReadAll(stdin);
        }
        catch (IOException e)
        {
            return AuditResult.Failed(StandardInput, null, FailureKind.IoError, $"cannot read standard input: {e.Message}");
        }

        try
        {
            return pipeline.Audit(content, StandardInput);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            return AuditResult.Failed(StandardInput, null, FailureKind.InternalError, $"unexpected error while reading: {e.GetType().Name}: {e.Message}");
        }
    }

    internal static byte[] ReadAll(Func<Stream> open)
    {
        using var input = open();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    // A document named on the command line, with the reason in plain words where it cannot be read.
    private static byte[] ReadDocument(string file) =>
        File.Exists(file) ? File.ReadAllBytes(file)
        : Directory.Exists(file) ? throw new IOException("a directory, not a document")
        : throw new IOException("file not found");

    private static int ExitCode(IReadOnlyCollection<AuditResult> results) =>
        results.Any(static r => r.Error is not null) ? Unreadable
        : results.Any(static r => r.HasErrors) ? Findings
        : Clean;
}
