using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Batch;

/// <summary>Reads files one at a time for one slot of a batch; replaces whatever was reading a file past its limit.</summary>
internal interface IAuditWorker : IDisposable
{
    /// <summary>The file's result; a <see cref="FailureKind.TimedOut"/> result once <paramref name="timeout"/> has passed.</summary>
    Task<AuditResult> AuditAsync(string file, TimeSpan timeout, CancellationToken cancellationToken);
}

internal static class WorkerResults
{
    public static AuditResult TimedOut(string file, TimeSpan timeout) =>
        AuditResult.Failed(file, null, FailureKind.TimedOut,
            $"timed out: not read within {timeout.TotalSeconds:0.#} s (the per-file limit); the batch went on without it");
}

/// <summary>
/// Files that ran past their limit in this process. .NET cannot stop a thread, and the parsers we do not own mostly
/// ignore cancellation, so such a file is left to finish on its own thread; this counts those still running.
/// </summary>
internal sealed class AbandonedFiles(int limit)
{
    private readonly SemaphoreSlim _ended = new(0);
    private int _running;

    public int Running => Volatile.Read(ref _running);

    public void Track(Task reading)
    {
        Interlocked.Increment(ref _running);
        reading.ContinueWith(
            _ =>
            {
                Interlocked.Decrement(ref _running);
                _ended.Release();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Whether a file may be read: yes while fewer than the bound are still running abandoned; at the bound, once one
    /// of them ends within <paramref name="wait"/>.
    /// </summary>
    public async Task<bool> RoomAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (Running >= limit)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _ended.WaitAsync(left, cancellationToken).ConfigureAwait(false))
            {
                return Running < limit;
            }
        }

        return true;
    }
}

/// <summary>Reads in this process, on a dedicated thread with a large stack that is abandoned when a file runs past its limit.</summary>
internal sealed class InProcessWorker(DisclosurePipeline pipeline, AbandonedFiles abandoned) : IAuditWorker
{
    private const int StackSize = 64 * 1024 * 1024;
    private WorkerThread? _thread;

    public async Task<AuditResult> AuditAsync(string file, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await abandoned.RoomAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            return AuditResult.Failed(file, null, FailureKind.TimedOut,
                $"not read: {abandoned.Running} earlier files ran past the per-file limit and are still being read in this process, " +
                "so the batch takes no more files here; read in worker processes to have them stopped");
        }

        _thread ??= new WorkerThread(pipeline);

        // Not disposed when the file is abandoned: its thread may still look at the token.
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = _thread.Run(file, cancel.Token);
        try
        {
            var result = await reading.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            cancel.Dispose();
            return result;
        }
        catch (TimeoutException)
        {
            cancel.Cancel();
            abandoned.Track(reading);
            _thread.Retire();
            _thread = null;
            return WorkerResults.TimedOut(file, timeout);
        }
    }

    public void Dispose() => _thread?.Retire();

    private sealed class WorkerThread
    {
        private readonly BlockingCollection<(string File, CancellationToken Token, TaskCompletionSource<AuditResult> Done)> _jobs = new(1);

        public WorkerThread(DisclosurePipeline pipeline)
        {
            var thread = new Thread(() => Loop(pipeline), StackSize) { IsBackground = true, Name = "disclosure audit" };
            thread.Start();
        }

        public Task<AuditResult> Run(string file, CancellationToken token)
        {
            var done = new TaskCompletionSource<AuditResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _jobs.Add((file, token, done));
            return done.Task;
        }

        /// <summary>The thread ends after the file it is reading, if any.</summary>
        public void Retire() => _jobs.CompleteAdding();

        private void Loop(DisclosurePipeline pipeline)
        {
            foreach (var (file, token, done) in _jobs.GetConsumingEnumerable())
            {
                try
                {
                    done.TrySetResult(pipeline.Audit(file, token));
                }
                catch (OperationCanceledException)
                {
                    done.TrySetCanceled(token);
                }
            }

            _jobs.Dispose();
        }
    }
}

/// <summary>
/// Reads in a worker process (<see cref="BatchWorkerHost"/>): killed when a file runs past its limit, its heap bounded
/// by the memory budget, its crash (a stack overflow in a parser, say) costing one file. Started on first use, and again
/// after it was killed or died.
/// </summary>
internal sealed class ProcessWorker(WorkerProcessOptions options) : IAuditWorker
{
    private Process? _process;
    private ResponseLines? _responses;
    private StringBuilder _stderr = new();

    public async Task<AuditResult> AuditAsync(string file, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Serialize(file, WorkerJson.Relaxed.String);
        var process = await SendAsync(request).ConfigureAwait(false);
        ReadOnlyMemory<byte>? line;
        try
        {
            _responses ??= new ResponseLines(process.StandardOutput.BaseStream);
            line = await _responses.ReadAsync(cancellationToken).AsTask().WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Stop();
            return WorkerResults.TimedOut(file, timeout);
        }
        catch (OperationCanceledException)
        {
            Stop();
            throw;
        }

        if (line is null)
        {
            return await DiedAsync(file).ConfigureAwait(false);
        }

        try
        {
            var result = JsonSerializer.Deserialize(line.Value.Span, WorkerJson.Relaxed.AuditResult) ?? throw new JsonException("an empty response");

            // The worker ran out of heap: that is the budget it was given, not the machine's memory.
            return result.ErrorKind == FailureKind.OverMemoryBudget && options.MemoryBudgetBytes is { } budget
                ? result with { Error = $"needs more memory than the per-file budget of {budget / (1024 * 1024)} MB" }
                : result;
        }
        catch (JsonException e)
        {
            Stop();
            return AuditResult.Failed(file, null, FailureKind.InternalError, $"internal error: the worker's answer could not be read ({e.Message})");
        }
    }

    public void Dispose()
    {
        if (_process is { } p)
        {
            // Closing its input ends the worker's loop; one that does not end at once is killed.
            try
            {
                p.StandardInput.Close();
                if (!p.WaitForExit(2000))
                {
                    p.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
            }

            p.Dispose();
            _process = null;
            _responses = null;
        }
    }

    private async Task<Process> SendAsync(string request)
    {
        for (var attempt = 0; ; attempt++)
        {
            var process = _process ??= Start();
            try
            {
                await process.StandardInput.WriteLineAsync(request).ConfigureAwait(false);
                await process.StandardInput.FlushAsync().ConfigureAwait(false);
                return process;
            }
            catch (IOException) when (attempt == 0)
            {
                // It died between files; start another once.
                Stop();
            }
        }
    }

    private Process Start()
    {
        var info = new ProcessStartInfo(options.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in options.Arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (name, value) in options.Environment)
        {
            info.Environment[name] = value;
        }

        if (options.MemoryBudgetBytes is { } budget)
        {
            info.Environment["DOTNET_GCHeapHardLimit"] = budget.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        }

        var stderr = new StringBuilder();
        _stderr = stderr;
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                // The last few lines are what say why it died.
                if (stderr.Length > 4000)
                {
                    stderr.Remove(0, stderr.Length - 2000);
                }

                stderr.Append(e.Data).Append('\n');
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        return process;
    }

    private void Stop()
    {
        if (_process is { } p)
        {
            try
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(5000);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }

            p.Dispose();
            _process = null;
            _responses = null;
        }
    }

    private async Task<AuditResult> DiedAsync(string file)
    {
        var process = _process!;
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        var code = process.HasExited ? process.ExitCode : (int?)null;
        string said;
        lock (_stderr)
        {
            said = _stderr.ToString().Trim();
        }

        Stop();
        var (kind, why) = said.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase) || said.Contains("out of memory", StringComparison.OrdinalIgnoreCase)
            ? (FailureKind.OverMemoryBudget, "needs more memory than the per-file budget")
            : said.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)
                ? (FailureKind.Crashed, "the reader overflowed its stack on it (nested too deeply?)")
                : (FailureKind.Crashed, "the worker reading it died");
        var last = said.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(static l => l.Trim().Length > 0)?.Trim();
        return AuditResult.Failed(file, null, kind,
            $"{why} (exit code {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}{(last is null ? string.Empty : "; it said: " + last)}); the batch went on without it");
    }
}

/// <summary>
/// A worker's responses, a line of UTF-8 at a time, as bytes: the JSON reader takes them as they are, where a text line
/// would be decoded to UTF-16 and encoded back (a response is tens of kilobytes, and the batch reads one per file).
/// </summary>
internal sealed class ResponseLines(Stream stream)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next line without its line break (valid until the next call), or null at the end of the stream.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        var scanned = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(scanned, _end - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, scanned + newline - _start);
                _start = scanned + newline + 1;
                return line.Span.EndsWith("\r"u8) ? line[..^1] : line;
            }

            scanned = _end;
            if (_start > 0)
            {
                // Keep the partial line at the front, so the buffer grows only for a line longer than itself.
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                scanned -= _start;
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }
}
