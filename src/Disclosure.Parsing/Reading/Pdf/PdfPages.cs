using System.IO.Compression;
using Disclosure.Parsing.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Logging;
using UglyToad.PdfPig.Tokens;

namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>One page as PdfPig gave it: its content, or why it could not be read; a page read in part has both.</summary>
/// <param name="Page">What could be read; null when nothing could.</param>
/// <param name="Damage">What is wrong with the page in plain words; null when nothing is.</param>
internal sealed record PageRead(PageData? Page, string? Damage);

/// <summary>
/// Everything this reader asks of PdfPig, in one place, so that what PdfPig throws or reports is told apart from our
/// own defects and costs only the page it concerns. With lenient parsing PdfPig reads on past damage and says little:
/// a content stream that does not decompress comes back as an empty page, garbled drawing instructions and missing
/// fonts only as log lines. Both are caught here and named, so a damaged page is never silently blank.
/// </summary>
internal sealed class PdfPages : IDisposable
{
    private readonly PdfDocument _document;
    private readonly DamageLog _log;

    private PdfPages(PdfDocument document, DamageLog log)
    {
        _document = document;
        _log = log;
        PageCount = document.NumberOfPages;
    }

    public int PageCount { get; }

    /// <summary>Opens the document.</summary>
    /// <exception cref="DocumentReadException">Encrypted, or too damaged to open.</exception>
    public static PdfPages Open(byte[] bytes)
    {
        var log = new DamageLog();
        PdfDocument? document = null;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, Logger = log, FilterProvider = PdfFilters.Instance });
            return new PdfPages(document, log);
        }
        catch (PdfDocumentEncryptedException e)
        {
            document?.Dispose();
            throw new DocumentReadException(FailureKind.Encrypted, "an encrypted PDF that needs a password: remove the password and read it again", e);
        }
        catch (Exception e) when (IsTheFiles(e))
        {
            document?.Dispose();
            throw new DocumentReadException($"a damaged PDF that cannot be opened: {PdfDamage.Describe(e)}", e);
        }
    }

    /// <summary>Reads page <paramref name="number"/> (1-based); never throws for the page's damage.</summary>
    public PageRead Read(int number)
    {
        _log.Clear();
        try
        {
            var page = _document.GetPage(number);
            var box = page.MediaBox.Bounds;
            var data = new PageData(page.Letters, page.Paths, box.Width, box.Height, page.NumberOfImages);
            var damage = UndecodableContent(page) ?? _log.Damage();
            return new PageRead(data, damage);
        }
        catch (Exception e) when (IsTheFiles(e))
        {
            return new PageRead(null, PdfDamage.Describe(e));
        }
    }

    /// <summary>The document's title, or null; damaged document information costs the title only.</summary>
    public string? Title()
    {
        try
        {
            return _document.Information.Title;
        }
        catch (Exception e) when (IsTheFiles(e))
        {
            return null;
        }
    }

    public void Dispose() => _document.Dispose();

    /// <summary>What PdfPig (or the inflater) threw at the file; not cancellation, memory, nor a defect of our own code.</summary>
    private static bool IsTheFiles(Exception e) =>
        e is not (OutOfMemoryException or OperationCanceledException or InsufficientExecutionStackException) && !ExceptionOrigin.IsOurs(e);

    /// <summary>
    /// A FlateDecode content stream that does not inflate to its end: PdfPig drops what it cannot inflate without a word,
    /// so the page would come back blank or cut short. Inflated as PdfPig does (the two header bytes skipped).
    /// </summary>
    private string? UndecodableContent(Page page)
    {
        if (!page.Dictionary.TryGet(NameToken.Contents, out var contents))
        {
            return null;
        }

        IEnumerable<IToken> parts = contents is ArrayToken array ? array.Data : [contents];
        foreach (var part in parts)
        {
            if (part is not IndirectReferenceToken reference
                || _document.Structure.GetObject(reference.Data)?.Data is not StreamToken stream
                || !IsFlateOnly(stream.StreamDictionary))
            {
                continue;
            }

            var raw = stream.Data.ToArray();
            try
            {
                using var inflate = new DeflateStream(new MemoryStream(raw, Math.Min(2, raw.Length), Math.Max(0, raw.Length - 2), writable: false), CompressionMode.Decompress);
                inflate.CopyTo(Stream.Null);
            }
            catch (InvalidDataException)
            {
                return "its content stream (the page's text and drawing) is damaged and does not decompress";
            }
        }

        return null;
    }

    private static bool IsFlateOnly(DictionaryToken dictionary) =>
        dictionary.TryGet(NameToken.Filter, out var filter) && filter switch
        {
            NameToken name => name.Equals(NameToken.FlateDecode),
            ArrayToken { Data.Count: 1 } one => one.Data[0] is NameToken n && n.Equals(NameToken.FlateDecode),
            _ => false,
        };

    /// <summary>
    /// PdfPig's log, kept for the page being read: with lenient parsing, drawing instructions it could not read and fonts
    /// it skipped are only said here. Clean documents log neither. Other errors it logs (a page size of the wrong length,
    /// a page of the wrong type) cost no text and are not the page's damage.
    /// </summary>
    private sealed class DamageLog : ILog
    {
        private readonly List<string> _errors = [];
        private bool _missingFont;

        public void Clear()
        {
            _errors.Clear();
            _missingFont = false;
        }

        /// <summary>What the log says is wrong with the page, in plain words; null when nothing is.</summary>
        public string? Damage()
        {
            if (_errors.Count > 0)
            {
                var first = _errors[0].Length > 160 ? _errors[0][..160] + "…" : _errors[0];
                return $"its drawing instructions (content stream) are damaged (detail: {first.ReplaceLineEndings(" ")})";
            }

            return _missingFont ? "it uses a font the file does not contain, so the text in that font is missing" : null;
        }

        public void Debug(string message)
        {
        }

        public void Debug(string message, Exception ex)
        {
        }

        public void Warn(string message) => _missingFont |= message.Contains("missing font", StringComparison.OrdinalIgnoreCase);

        public void Error(string message) => Add(message);

        public void Error(string message, Exception ex) => Add(message);

        private void Add(string message)
        {
            if (_errors.Count < 3 && message.StartsWith("Failed reading operation", StringComparison.Ordinal))
            {
                _errors.Add(message);
            }
        }
    }
}
