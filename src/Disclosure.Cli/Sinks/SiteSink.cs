using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output.Site;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Pdf;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Cli.Sinks;

/// <summary>
/// 'disclosure report': the library's <see cref="ReportSite"/> as a batch sink. A PDF that was read is read once more
/// with its page geometry kept (the audit does not keep it), so that its page shows the words and lines as read.
/// </summary>
internal sealed class SiteSink(string directory) : IResultSink
{
    private readonly ReportSite _site = new(directory);
    private readonly PdfReader _pdf = new(new PdfReaderOptions { KeepPageGeometry = true });

    public void Add(AuditResult result) => _site.Add(result, result is { Format: "pdf", Report: not null } ? Geometry(result.File) : null);

    public void AddCrossYear(CrossYearResult pair) => _site.AddCrossYear(pair);

    public void Complete() => _site.Complete();

    public void Dispose() => _site.Dispose();

    // The page view is an aid: a PDF that cannot be read again (moved, changed) gets its page without it.
    private LayoutDocument? Geometry(string file)
    {
        try
        {
            return _pdf.Read(File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DocumentReadException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
