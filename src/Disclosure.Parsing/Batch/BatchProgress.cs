namespace Disclosure.Parsing.Batch;

/// <summary>How far a batch has got, reported through <see cref="IProgress{T}"/> a few times a second.</summary>
/// <param name="Done">Files whose result has been given.</param>
/// <param name="Total">Files in the batch.</param>
/// <param name="Elapsed">Time since the batch started.</param>
/// <param name="SlowestFile">The file being read for the longest time, or null when none is in progress.</param>
/// <param name="SlowestFor">How long <paramref name="SlowestFile"/> has been read.</param>
public sealed record BatchProgress(int Done, int Total, TimeSpan Elapsed, string? SlowestFile, TimeSpan SlowestFor)
{
    /// <summary>Files per second so far.</summary>
    public double FilesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the pace so far, or null before the first result.</summary>
    public TimeSpan? Remaining => Done > 0 ? TimeSpan.FromSeconds(Elapsed.TotalSeconds / Done * (Total - Done)) : null;
}
