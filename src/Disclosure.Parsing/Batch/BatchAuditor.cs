using System.Diagnostics;
using System.Runtime.CompilerServices;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Batch;

/// <summary>
/// Audits many files: a few at once, one file at a time to whichever worker is free, each within its time limit, and
/// gives the results in input order through a bounded window, so that memory stays flat however long the batch and
/// a slow file holds the output back by at most its limit. No file can stop the batch: whatever happens to one file
/// (bad content, a defect, a timeout, a crashed worker) becomes that file's result.
/// </summary>
/// <example>
/// <code>
/// var auditor = new BatchAuditor(DisclosurePipeline.Default, new BatchOptions { FileTimeout = TimeSpan.FromSeconds(30) });
/// var files = BatchFiles.Enumerate(["crawl/"], Shard.Parse("0/4"));
/// await foreach (var result in auditor.AuditAsync(files.Select(f => f.Path).ToList(), progress, cancellationToken))
///     Console.WriteLine($"{result.File}: {result.Error ?? "read"}");
/// </code>
/// </example>
public sealed class BatchAuditor
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private readonly DisclosurePipeline _pipeline;
    private readonly BatchOptions _options;

    /// <summary>Creates the engine over a pipeline.</summary>
    public BatchAuditor(DisclosurePipeline pipeline, BatchOptions? options = null)
    {
        _pipeline = pipeline;
        _options = options ?? new BatchOptions();
        if (_options.FileTimeout <= TimeSpan.Zero || _options.MaxParallelism < 1 || _options.ReorderWindow < 1)
        {
            throw new ArgumentException("the file timeout, the parallelism and the reorder window must be positive", nameof(options));
        }
    }

    /// <summary>
    /// Audits <paramref name="files"/> and yields one result per file, in their order. Cancelling stops taking files and
    /// ends the enumeration with <see cref="OperationCanceledException"/>; results already given stay given.
    /// </summary>
    public async IAsyncEnumerable<AuditResult> AuditAsync(
        IReadOnlyList<string> files,
        IProgress<BatchProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (files.Count == 0)
        {
            progress?.Report(new BatchProgress(0, 0, TimeSpan.Zero, null, TimeSpan.Zero));
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = new Run(files, Math.Min(_options.ReorderWindow, files.Count), stop.Token);
        var abandoned = new AbandonedFiles(_options.MaxAbandonedFiles);
        var workers = Enumerable.Range(0, Math.Min(_options.MaxParallelism, files.Count))
            .Select(slot => Task.Run(() => WorkAsync(run, slot, abandoned), CancellationToken.None))
            .ToArray();
        using var ticker = progress is null ? null : new Timer(_ => progress.Report(run.Progress()), null, ProgressInterval, ProgressInterval);
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var result = await run.Slot(i).Task.WaitAsync(stop.Token).ConfigureAwait(false);
                run.Emitted(i);
                yield return result;
            }
        }
        finally
        {
            // Leaving early (cancelled, or the caller stopped enumerating): stop the workers, kill worker processes.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        progress?.Report(run.Progress());
    }

    private async Task WorkAsync(Run run, int slot, AbandonedFiles abandoned)
    {
        using IAuditWorker worker = _options.WorkerProcess is { } process
            ? new ProcessWorker(process)
            : new InProcessWorker(_pipeline, abandoned);
        while (await run.NextAsync(slot).ConfigureAwait(false) is var (index, file))
        {
            AuditResult result;
            try
            {
                result = await worker.AuditAsync(file, _options.FileTimeout, run.Token).ConfigureAwait(false);
            }
            catch (Exception) when (run.Token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The engine's own failure (a worker that cannot start, say) is still one file's result, not the batch's end.
                result = AuditResult.Failed(file, null, FailureKind.InternalError, $"internal error: {e.GetType().Name}: {e.Message}");
            }

            // A worker process answers with the path it was sent; keep the caller's spelling whatever it did.
            run.Finished(slot, index, result.File == file ? result : result with { File = file });
        }
    }

    /// <summary>One batch's shared state: who takes which file, the reorder window, what is being read since when.</summary>
    private sealed class Run(IReadOnlyList<string> files, int window, CancellationToken token)
    {
        private readonly TaskCompletionSource<AuditResult>?[] _ring = new TaskCompletionSource<AuditResult>?[window];
        private readonly SemaphoreSlim _window = new(window, window);
        private readonly (string? File, long Since)[] _reading = new (string?, long)[64];
        private readonly long _started = Stopwatch.GetTimestamp();
        private int _next = -1;
        private int _done;

        public CancellationToken Token => token;

        /// <summary>The next file for a worker, once the window has room for it; null when none is left.</summary>
        public async Task<(int Index, string File)?> NextAsync(int slot)
        {
            try
            {
                await _window.WaitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            var index = Interlocked.Increment(ref _next);
            if (index >= files.Count)
            {
                _window.Release();
                return null;
            }

            if (slot < _reading.Length)
            {
                _reading[slot] = (files[index], Stopwatch.GetTimestamp());
            }

            return (index, files[index]);
        }

        public TaskCompletionSource<AuditResult> Slot(int index)
        {
            lock (_ring)
            {
                return _ring[index % _ring.Length] ??= new TaskCompletionSource<AuditResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Finished(int slot, int index, AuditResult result)
        {
            if (slot < _reading.Length)
            {
                _reading[slot] = (null, 0);
            }

            Slot(index).TrySetResult(result);
        }

        /// <summary>The result at <paramref name="index"/> was given: its place in the window is free.</summary>
        public void Emitted(int index)
        {
            lock (_ring)
            {
                _ring[index % _ring.Length] = null;
            }

            Interlocked.Increment(ref _done);
            _window.Release();
        }

        public BatchProgress Progress()
        {
            var now = Stopwatch.GetTimestamp();
            string? slowest = null;
            var longest = 0L;
            for (var i = 0; i < _reading.Length; i++)
            {
                var (file, since) = _reading[i];
                if (file is not null && now - since > longest)
                {
                    (slowest, longest) = (file, now - since);
                }
            }

            return new BatchProgress(Volatile.Read(ref _done), files.Count, Stopwatch.GetElapsedTime(_started, now), slowest,
                slowest is null ? TimeSpan.Zero : Stopwatch.GetElapsedTime(now - longest, now));
        }
    }
}
