using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Docx;
using Disclosure.Parsing.Reading.Html;
using Disclosure.Parsing.Reading.Pdf;
using Disclosure.Parsing.Reading.Text;
using Disclosure.Parsing.Recognition;
using Disclosure.Parsing.Rules;
using Disclosure.Parsing.Rules.CrossYear;

namespace Disclosure.Parsing;

/// <summary>
/// Configures a <see cref="DisclosurePipeline"/>: the readers, the rules and the audit options.
/// </summary>
/// <example>
/// <code>
/// var pipeline = new DisclosurePipelineBuilder().UseDefaultReaders().UseCoreRules().Build();
/// AuditResult result = pipeline.Audit("report.html");
/// </code>
/// </example>
public sealed class DisclosurePipelineBuilder
{
    /// <summary>The readers, tried by content sniffing first and extension second.</summary>
    public List<IDocumentReader> Readers { get; } = [];

    /// <summary>The rules, run in this order.</summary>
    public List<IReportRule> Rules { get; } = [];

    /// <summary>The rules across two years of one agency (<see cref="CrossYearPass"/>), run in this order.</summary>
    public List<IReportPairRule> PairRules { get; } = [];

    /// <summary>Disabled rules and severity overrides.</summary>
    public AuditOptions AuditOptions { get; set; } = new();

    /// <summary>Documents larger than this are refused with an error rather than read.</summary>
    public long MaxDocumentBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Adds the readers of every format this version reads.</summary>
    public DisclosurePipelineBuilder UseDefaultReaders()
    {
        Readers.Add(new HtmlReader());
        Readers.Add(new PlainTextReader());
        Readers.Add(new DocxReader());
        Readers.Add(new PdfReader());
        return this;
    }

    /// <summary>Adds the core rule catalogue, the rules across two years included.</summary>
    public DisclosurePipelineBuilder UseCoreRules()
    {
        Rules.AddRange(RuleCatalog.CoreRules());
        PairRules.AddRange(RuleCatalog.PairRules());
        return this;
    }

    /// <summary>
    /// Builds the immutable pipeline. The readers and the rules are copied (the options copy what they are given):
    /// changing this builder or the collections handed to it afterwards changes no pipeline already built. Each
    /// pipeline has caches of its own (bounded), which no other pipeline shares.
    /// </summary>
    public DisclosurePipeline Build() =>
        new(ValueList.Of(Readers), ValueList.Of(Rules), ValueList.Of(PairRules), AuditOptions, MaxDocumentBytes, new RecognitionCaches());
}

/// <summary>
/// Reads, recognises and audits reports: file → reader → <see cref="LayoutDocument"/> → recogniser →
/// <see cref="Report"/> → rules → findings. Immutable and safe to share across threads.
/// </summary>
public sealed class DisclosurePipeline
{
    private readonly IReadOnlyList<IDocumentReader> _readers;
    private readonly RuleEngine _engine;
    private readonly long _maxBytes;

    internal DisclosurePipeline(
        IReadOnlyList<IDocumentReader> readers, IReadOnlyList<IReportRule> rules, IReadOnlyList<IReportPairRule> pairRules, AuditOptions options, long maxBytes,
        RecognitionCaches caches)
    {
        _readers = readers;
        Rules = rules;
        PairRules = pairRules;
        _engine = new RuleEngine(rules, pairRules, options);
        _maxBytes = maxBytes;
        Caches = caches;
    }

    /// <summary>What this pipeline's recognition remembers of labels: its own, bounded, shared by its threads only.</summary>
    internal RecognitionCaches Caches { get; }

    /// <summary>A pipeline with every default reader and the core rules.</summary>
    public static DisclosurePipeline Default { get; } = new DisclosurePipelineBuilder().UseDefaultReaders().UseCoreRules().Build();

    /// <summary>The rules this pipeline runs.</summary>
    public IReadOnlyList<IReportRule> Rules { get; }

    /// <summary>The rules across two years of one agency this pipeline runs (<see cref="CheckPair"/>).</summary>
    public IReadOnlyList<IReportPairRule> PairRules { get; }

    /// <summary>
    /// Reads, recognises and audits the file at <paramref name="path"/>. Never throws for bad content, nor for a defect
    /// of a stage: the result carries the error and its <see cref="AuditResult.ErrorKind"/>. Only cancellation throws.
    /// </summary>
    public AuditResult Audit(string path, CancellationToken cancellationToken = default)
    {
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return AuditResult.Failed(path, null, Directory.Exists(path) ? FailureKind.Unsupported : FailureKind.NotFound,
                    Directory.Exists(path) ? "a directory, not a document" : "file not found");
            }

            if (info.Length > _maxBytes)
            {
                return AuditResult.Failed(path, null, FailureKind.TooLarge,
                    $"file too large: {info.Length / (1024 * 1024)} MB (the limit is {_maxBytes / (1024 * 1024)} MB)");
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return AuditResult.Failed(path, null, FailureKind.IoError, $"cannot read the file: {e.Message}");
        }

        return Audit(content, path, cancellationToken);
    }

    /// <summary>
    /// Reads, recognises and audits a document read from <paramref name="content"/> to its end (an upload, an archive
    /// entry, a response body); <paramref name="fileName"/> names it in the result and gives its extension. The stream is
    /// read up to the size limit and not closed. Never throws but for cancellation: a stream that fails to read gives a
    /// result with <see cref="FailureKind.IoError"/>.
    /// </summary>
    public AuditResult Audit(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        byte[] bytes;
        try
        {
            bytes = ReadWithin(content, cancellationToken);
        }
        catch (Exception e) when (StreamFailure(e, fileName) is { } failed)
        {
            return failed;
        }

        return Audit(bytes, fileName, cancellationToken);
    }

    /// <summary>
    /// As <see cref="Audit(Stream, string, CancellationToken)"/>, reading the stream asynchronously (a request body in
    /// ASP.NET Core, which refuses synchronous reads); the audit itself then runs on the calling thread's continuation.
    /// </summary>
    public async Task<AuditResult> AuditAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        byte[] bytes;
        try
        {
            bytes = await ReadWithinAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StreamFailure(e, fileName) is { } failed)
        {
            return failed;
        }

        return Audit(bytes, fileName, cancellationToken);
    }

    // A stream says nothing of its length until it ends: it is read in chunks and refused as soon as it passes the limit,
    // so an endless or huge stream costs at most the limit, never the process.
    private byte[] ReadWithin(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(InitialCapacity(content));
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Append(buffer, chunk, read);
        }

        return buffer.ToArray();
    }

    private async Task<byte[]> ReadWithinAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(InitialCapacity(content));
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(buffer, chunk, read);
        }

        return buffer.ToArray();
    }

    private int InitialCapacity(Stream content)
    {
        var remaining = content.CanSeek ? content.Length - content.Position : 0;
        if (remaining > _maxBytes)
        {
            throw TooLarge(remaining);
        }

        return (int)Math.Max(0, remaining);
    }

    private void Append(MemoryStream buffer, byte[] chunk, int count)
    {
        if (buffer.Length + count > _maxBytes)
        {
            throw TooLarge(buffer.Length + count);
        }

        buffer.Write(chunk, 0, count);
    }

    // What reading a stream can fail with, as the result of that file (Audit of the bytes read never throws but for
    // cancellation, which passes through).
    private static AuditResult? StreamFailure(Exception e, string fileName) => e switch
    {
        DocumentReadException d => AuditResult.Failed(fileName, null, d.Kind, d.Message),
        IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException =>
            AuditResult.Failed(fileName, null, FailureKind.IoError, $"cannot read the stream: {e.Message}"),
        _ => null,
    };

    private static DocumentReadException TooLarge(long bytes) =>
        new(FailureKind.TooLarge, $"the document is too large: {bytes / (1024 * 1024)} MB");

    /// <summary>
    /// Reads, recognises and audits a document held in memory; <paramref name="fileName"/> names it in the result and gives
    /// its extension. Never throws but for cancellation (see <see cref="Audit(string, CancellationToken)"/>).
    /// </summary>
    public AuditResult Audit(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken = default)
    {
        IDocumentReader? reader = null;
        LayoutDocument layout;
        try
        {
            reader = ChooseReader(content.Span, fileName);

            // Most pages of a crawl are not reports: turned away from their text alone, they cost little more than their bytes.
            if (ReportMarkers.RejectBeforeReading(reader, content.Span, out var decoded) is { } notAReport)
            {
                return AuditResult.Failed(fileName, reader.Format, FailureKind.NotAReport, notAReport);
            }

            layout = decoded is null ? reader.Read(content, cancellationToken) : ReportMarkers.ReadGlanced(reader, decoded, cancellationToken);
        }
        catch (DocumentReadException e)
        {
            return AuditResult.Failed(fileName, null, e.Kind, e.Message);
        }
        catch (Exception e) when (Unexpected(e, cancellationToken))
        {
            return Crashed(fileName, reader, $"the {reader?.Format ?? "format"} reader", e);
        }

        // Each stage ends at a point where cancelling costs nothing: a batch that is stopped stops between stages and
        // between rules, not only inside a reader.
        cancellationToken.ThrowIfCancellationRequested();
        Report report;
        ReportEvidence evidence;
        try
        {
            report = ReportRecognizer.Recognize(layout, Caches, out var recognized);
            evidence = ReportEvidence.WeighRecognized(recognized, report, Caches);
        }
        catch (Exception e) when (Unexpected(e, cancellationToken))
        {
            return Crashed(fileName, reader, "the recogniser", e);
        }

        if (!evidence.IsReport)
        {
            return AuditResult.Failed(fileName, reader.Format, FailureKind.NotAReport, "not a disclosure annual report: " + evidence.Missing)
                with { Problems = layout.Problems };
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new AuditResult(fileName, reader.Format, report, _engine.Check(report, cancellationToken), null) { Problems = layout.Problems };
        }
        catch (Exception e) when (Unexpected(e, cancellationToken))
        {
            return Crashed(fileName, reader, "the rules", e);
        }
    }

    // Cancellation asked for by the caller is not a failure of the file; everything else that escapes a stage is.
    private static bool Unexpected(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>
    /// An exception that escaped a stage. Thrown from this library's own code (or from a collection or LINQ call in it)
    /// it is a defect to report; thrown inside a parser we do not own (AngleSharp, PdfPig, the Open XML SDK) it is the
    /// file that parser could not take.
    /// </summary>
    private static AuditResult Crashed(string fileName, IDocumentReader? reader, string stage, Exception e)
    {
        var (kind, what) = e switch
        {
            OutOfMemoryException => (FailureKind.OverMemoryBudget, "needs more memory than there is"),
            InsufficientExecutionStackException => (FailureKind.Corrupt, "nested too deeply to read"),
            _ when ExceptionOrigin.IsOurs(e) =>
                (FailureKind.InternalError, $"internal error in {stage} (a defect of this tool, please report it)"),
            _ => (FailureKind.Corrupt, $"a damaged or unreadable file: {stage} could not read it"),
        };
        return AuditResult.Failed(fileName, reader?.Format, kind, $"{what} (detail: {e.GetType().Name}: {e.Message})");
    }

    /// <summary>Recognises a layout already read.</summary>
    public Report Recognize(LayoutDocument layout) => ReportRecognizer.Recognize(layout, Caches, out _);

    /// <summary>Runs the rules over a report. Cancellation is checked before each rule.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IReadOnlyList<Finding> Check(Report report, CancellationToken cancellationToken = default) => _engine.Check(report, cancellationToken);

    /// <summary>Runs the cross-year rules over a report and the same agency's report of the year before. Cancellation is checked before each rule.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IReadOnlyList<Finding> CheckPair(Report current, Report previous, CancellationToken cancellationToken = default) =>
        _engine.CheckPair(current, previous, cancellationToken);

    /// <summary>Reads a document into its layout with the reader its content calls for.</summary>
    /// <exception cref="DocumentReadException">The document cannot be read; the message says why.</exception>
    public LayoutDocument ReadLayout(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken = default) =>
        ChooseReader(content.Span, fileName).Read(content, cancellationToken);

    private IDocumentReader ChooseReader(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.Length == 0)
        {
            throw new DocumentReadException(FailureKind.Empty, "the file is empty");
        }

        if (content.Length > _maxBytes)
        {
            throw new DocumentReadException(FailureKind.TooLarge, $"the document is too large: {content.Length / (1024 * 1024)} MB");
        }

        var head = content[..Math.Min(content.Length, 8192)];
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        IDocumentReader? best = null;
        var bestScore = 5;
        foreach (var reader in _readers)
        {
            var score = reader.Sniff(head) + (reader.Extensions.Contains(extension) ? 5 : 0);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }

        if (best is not null)
        {
            return best;
        }

        throw new DocumentReadException(FailureKind.Unsupported, KnownButUnreadable(head, extension)
            ?? "not a document this tool reads: the content is binary, neither an HTML page nor text");
    }

    // Formats a reader may not be configured for, named so that the error says what the file is.
    private static string? KnownButUnreadable(ReadOnlySpan<byte> head, string extension)
    {
        if (head.StartsWith("%PDF"u8))
        {
            return "a PDF document, and no PDF reader is configured";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return "a legacy binary Word .doc (or another OLE compound file, such as an encrypted .docx): save it as .docx and read that";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return extension == ".docx" ? "a Word .docx document, and no Word reader is configured" : "a zip archive, not a report document";
        }

        return null;
    }
}
