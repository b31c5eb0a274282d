using System.Diagnostics;
using Disclosure.Parsing;
using Disclosure.Parsing.Reading.Html;
using Disclosure.Parsing.Recognition;

/// <summary>
/// The CPU time per page of a crawl's HTML pages (benchmarks/crawl.sh writes them), split by what is done to them:
/// reading the file's bytes, the glance that turns an ordinary page away, a full read (HTML reader, recogniser,
/// evidence), and the audit as the tool runs it. Each pass over all pages, the best of several rounds.
/// </summary>
internal static class GlanceCost
{
    public static void Run(string crawl, int rounds)
    {
        var files = Directory.GetFiles(crawl, "*.html").Order(StringComparer.Ordinal).ToArray();
        var ordinary = files.Where(static f => !f.EndsWith("-report.html", StringComparison.Ordinal)).ToArray();
        var reports = files.Where(static f => f.EndsWith("-report.html", StringComparison.Ordinal)).ToArray();
        var ordinaryBytes = ordinary.Select(File.ReadAllBytes).ToArray();
        var reportBytes = reports.Select(File.ReadAllBytes).ToArray();
        var reader = new HtmlReader();
        var sink = 0L;

        void Line(string what, string[] pages, Action<int> work)
        {
            var best = TimeSpan.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < pages.Length; i++)
                {
                    work(i);
                }

                var spent = Process.GetCurrentProcess().TotalProcessorTime - before;
                best = spent < best ? spent : best;
            }

            Console.WriteLine($"{what,-52} {best.TotalMicroseconds / pages.Length,9:F1} µs CPU per page ({pages.Length} pages, {pages.Average(static p => new FileInfo(p).Length) / 1024:F1} KB on average)");
        }

        Console.WriteLine($"{crawl}: {ordinary.Length} ordinary pages, {reports.Length} reports; best of {rounds} rounds");
        Line("ordinary: read the file's bytes", ordinary, i => sink += File.ReadAllBytes(ordinary[i]).Length);
        Line("ordinary: decode (as the reader does)", ordinary, i => sink += Disclosure.Parsing.Reading.TextDecoding.Decode(ordinaryBytes[i], HtmlReader.DeclaredCharset(ordinaryBytes[i].AsSpan(0, Math.Min(ordinaryBytes[i].Length, 8192)))).Length);
        Line("ordinary: is it text (as the reader asks)", ordinary, i => sink += Disclosure.Parsing.Reading.TextDecoding.LooksLikeText(ordinaryBytes[i].AsSpan(0, Math.Min(ordinaryBytes[i].Length, 8192))) ? 1 : 0);
        var decoded = ordinaryBytes.Select(static b => Disclosure.Parsing.Reading.TextDecoding.Decode(b, HtmlReader.DeclaredCharset(b.AsSpan(0, Math.Min(b.Length, 8192))))).ToArray();
        Line("ordinary: the glance's own part (flatten, markers)", ordinary, i => sink += ReportMarkers.Look(decoded[i], markup: true).Anchors);
        Line("ordinary: glance (decode, flatten, markers)", ordinary, i => sink += ReportMarkers.RejectBeforeReading(reader, ordinaryBytes[i], out _)?.Length ?? 0);
        var caches = new RecognitionCaches(); // as a pipeline keeps its own
        Line("ordinary: full read (reader, recogniser)", ordinary, i =>
        {
            var report = ReportRecognizer.Recognize(reader.Read(ordinaryBytes[i]), caches, out var recognized);
            sink += ReportEvidence.WeighRecognized(recognized, report, caches).IsReport ? 1 : 0;
        });
        Line("ordinary: audit (glance, as the tool runs)", ordinary, i => sink += DisclosurePipeline.Default.Audit(ordinaryBytes[i], ordinary[i]).Findings.Count);
        Line("report: glance", reports, i => sink += ReportMarkers.RejectBeforeReading(reader, reportBytes[i], out _)?.Length ?? 0);
        Line("report: audit", reports, i => sink += DisclosurePipeline.Default.Audit(reportBytes[i], reports[i]).Findings.Count);
        GC.KeepAlive(sink);
    }
}
