namespace Disclosure.Parsing.Batch;

/// <summary>Options for <see cref="BatchAuditor"/>.</summary>
public sealed record BatchOptions
{
    /// <summary>
    /// How long one file may take. A file past it gets a <see cref="Model.FailureKind.TimedOut"/> result and the batch
    /// goes on; the results are still given in input order, and a slow file holds the others back by at most this.
    /// </summary>
    public TimeSpan FileTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many files are read at once; by default one per core.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How many files may be read ahead of the one the output waits for: bounds the results held in memory while a
    /// slow file is read (and so the batch's memory) without idling the other workers.
    /// </summary>
    public int ReorderWindow { get; init; } = 256;

    /// <summary>
    /// Read each file in a worker process that can be killed (as Apache Tika's forked mode does), or null to read in
    /// this process. In this process a file past its limit cannot be stopped, only left to finish on its own thread,
    /// and memory cannot be bounded per file; a worker process is killed at the limit and runs under a heap limit.
    /// </summary>
    public WorkerProcessOptions? WorkerProcess { get; init; }

    /// <summary>
    /// In this process only: how many files that ran past their limit may still be running on their abandoned threads.
    /// At the bound, a file waits up to its own limit for one of them to end; if none does, it gets an error saying the
    /// batch takes no more files in this process, rather than lose every core to them. Worker processes are killed
    /// instead, so they need no such bound.
    /// </summary>
    public int MaxAbandonedFiles { get; init; } = 4;
}

/// <summary>How to start a worker process: a program that serves <see cref="BatchWorkerHost"/>'s protocol.</summary>
/// <param name="FileName">The program, e.g. <see cref="Environment.ProcessPath"/>.</param>
/// <param name="Arguments">Its arguments, e.g. the subcommand that runs <see cref="BatchWorkerHost.Serve"/>.</param>
public sealed record WorkerProcessOptions(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The program's arguments. A read-only copy of the list given.</summary>
    public IReadOnlyList<string> Arguments { get; init => field = Model.ValueList.Of(value); } = Model.ValueList.Of(Arguments);

    /// <summary>
    /// The most memory one worker's heap may take while it reads a file (the .NET GC's heap hard limit); a document
    /// that needs more gets a <see cref="Model.FailureKind.OverMemoryBudget"/> result. Null for no limit.
    /// </summary>
    public long? MemoryBudgetBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Environment variables to set for the worker, beyond the memory budget.</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get;
        init => field = Model.ValueMap<string, string>.Of(value, StringComparer.Ordinal);
    } = Model.ValueMap<string, string>.Of([], StringComparer.Ordinal);
}
