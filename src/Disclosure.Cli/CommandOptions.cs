using System.CommandLine;
using Disclosure.Parsing.Batch;
using Disclosure.Parsing.Rules;

namespace Disclosure.Cli;

/// <summary>The rule options every auditing command takes (--rule, --disable, --rules), and their reading.</summary>
internal sealed class RuleOptionSet
{
    public Option<string[]> Rule { get; } = new("--rule")
    {
        Description = "Override a rule's severity, e.g. --rule SUM002=warning (repeatable; 'disclosure rules' lists the IDs).",
        HelpName = "ID=SEVERITY",
    };

    public Option<string[]> Disable { get; } = new("--disable") { Description = "Do not run a rule, e.g. --disable CELL001 (repeatable).", HelpName = "ID" };

    public Option<string?> RulesFile { get; } = new("--rules")
    {
        Description = "A JSON rules file: {\"severity\": {\"SUM002\": \"warning\"}, \"disable\": [\"CELL001\"]}.",
        HelpName = "FILE",
    };

    /// <summary>The audit options asked for; false, with the reason on <paramref name="stderr"/>, for a bad rule or rules file.</summary>
    public bool TryRead(ParseResult parse, TextWriter stderr, out AuditOptions options)
    {
        try
        {
            options = DisclosureCommand.Options(parse.GetValue(RulesFile), parse.GetValue(Rule) ?? [], parse.GetValue(Disable) ?? []);
            return true;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(e.Message);
            options = new AuditOptions();
            return false;
        }
    }
}

/// <summary>How a batch command may spend time, memory and cores (--timeout, --memory-budget, --jobs, --in-process).</summary>
internal sealed class BatchLimitOptions
{
    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one file may take; a file past it gets its own 'timed out' result and the batch goes on.",
        DefaultValueFactory = _ => 60,
        HelpName = "SECONDS",
    };

    public Option<int> Memory { get; } = new("--memory-budget")
    {
        Description = "Megabytes of heap one file may take (in a worker process); a file that needs more gets its own error. 0: no limit.",
        DefaultValueFactory = _ => 1024,
        HelpName = "MB",
    };

    public Option<int> Jobs { get; } = new("--jobs", "-j")
    {
        Description = "Files read at once (default: one per core).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "N",
    };

    public Option<bool> InProcess { get; } = new("--in-process")
    {
        Description = "Read in this process instead of killable worker processes: no memory budget, and a file past its limit " +
                      "is left running on its own thread.",
    };

    /// <summary>The batch options asked for, workers running with <paramref name="rules"/>; null, with the reason on <paramref name="stderr"/>, for a limit out of range.</summary>
    public BatchOptions? Read(ParseResult parse, AuditOptions rules, TextWriter stderr)
    {
        var seconds = parse.GetValue(Timeout);
        var parallelism = parse.GetValue(Jobs);
        var budget = parse.GetValue(Memory);
        if (seconds <= 0 || parallelism < 1 || budget < 0)
        {
            stderr.WriteLine("--timeout and --jobs must be positive, --memory-budget 0 or more");
            return null;
        }

        return new BatchOptions
        {
            FileTimeout = TimeSpan.FromSeconds(seconds),
            MaxParallelism = parallelism,
            WorkerProcess = parse.GetValue(InProcess) ? null : DisclosureCommand.WorkerProcess(rules, budget),
        };
    }
}
