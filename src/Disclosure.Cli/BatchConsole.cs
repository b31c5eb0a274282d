using System.Globalization;
using System.Text;
using Disclosure.Parsing.Batch;
using Disclosure.Parsing.Model;

namespace Disclosure.Cli;

/// <summary>
/// The progress line a batch shows on a terminal, redrawn in place on standard error a few times a second, and the
/// summary it prints at the end. Nothing of the progress line when standard error is not a terminal (a log, a pipe).
/// </summary>
internal sealed class ProgressLine(TextWriter stderr, int width) : IProgress<BatchProgress>, IDisposable
{
    // A file is named in the line only once it has been read this long: the quick ones would only flicker.
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(2);
    private readonly Lock _lock = new();
    private bool _shown;
    private bool _closed;

    public void Report(BatchProgress value)
    {
        var line = Render(value, width);
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            // Carriage return, the line, then erase what a longer previous line left.
            stderr.Write("\r" + line + "\u001b[K");
            stderr.Flush();
            _shown = true;
        }
    }

    /// <summary>Writes a line of its own above the progress line, which is drawn again at the next report.</summary>
    public void WriteAbove(string line)
    {
        lock (_lock)
        {
            stderr.Write("\r\u001b[K" + line + "\n");
            stderr.Flush();
        }
    }

    /// <summary>Clears the line, so that what follows starts on a clean one.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_shown)
            {
                stderr.Write("\r\u001b[K");
                stderr.Flush();
            }

            _closed = true;
        }
    }

    internal static string Render(BatchProgress p, int width)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{p.Done:N0}/{p.Total:N0} files");
        if (p.Done > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" · {p.FilesPerSecond:0.0} files/s");
        }

        if (p.Remaining is { } left && p.Done < p.Total)
        {
            sb.Append(" · ").Append(Duration(left)).Append(" left");
        }

        if (p.SlowestFile is { } file && p.SlowestFor >= Slow)
        {
            sb.Append(" · reading ").Append(file).Append(" for ").Append(Duration(p.SlowestFor));
        }

        var text = sb.ToString();

        // One terminal line: a longer one would wrap, and the carriage return would then redraw only its last part.
        return width > 1 && text.Length > width - 1 ? text[..(width - 2)] + "…" : text;
    }

    internal static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:00}m"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m {t.Seconds:00}s"
        : t.TotalSeconds >= 10 ? $"{t.TotalSeconds:0} s"
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s");
}

/// <summary>The end-of-batch summary, on standard error for every output format.</summary>
internal static class BatchSummaryText
{
    public static string Render(BatchSummary summary, TimeSpan elapsed, int skipped)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{summary.Files:N0} file(s) in {ProgressLine.Duration(elapsed)}");
        if (elapsed.TotalSeconds > 0 && summary.Files > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({summary.Files / elapsed.TotalSeconds:0.0} files/s)");
        }

        sb.Append(CultureInfo.InvariantCulture,
            $": {summary.Clean:N0} clean, {summary.WithWarningsOnly:N0} with warnings only, {summary.WithErrors:N0} with errors, {summary.UnreadableCount:N0} unreadable\n");
        if (skipped > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  skipped: {skipped:N0} already in the output (--resume)\n");
        }

        if (summary.UnreadableCount > 0)
        {
            sb.Append("  unreadable: ")
                .AppendJoin(", ", summary.Unreadable.Select(static kv => $"{kv.Value:N0} {FailureKinds.Name(kv.Key)}"))
                .Append('\n');
        }

        if (summary.FindingsByRule.Count > 0)
        {
            sb.Append("  findings by rule: ")
                .AppendJoin(", ", summary.FindingsByRule.Select(static kv => $"{kv.Key} {kv.Value:N0}"))
                .Append('\n');
        }

        return sb.ToString();
    }
}
