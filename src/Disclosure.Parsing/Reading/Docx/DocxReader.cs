using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Reading.Docx;

/// <summary>Options for <see cref="DocxReader"/>.</summary>
public sealed record DocxReaderOptions
{
    /// <summary>The most the package may expand to, all parts together; more is refused as a likely zip bomb.</summary>
    public long MaxUncompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The most characters one XML part may hold (passed to the Open XML SDK).</summary>
    public long MaxCharactersInPart { get; init; } = 64L * 1024 * 1024;
}

/// <summary>
/// Reads a Word or WPS <c>.docx</c> with the Open XML SDK into a <see cref="LayoutDocument"/>: body paragraphs and
/// tables in document order, including content controls, text boxes (read once, not once per fallback) and tables
/// inside layout tables; merged cells expanded to the grid a person sees; list numbers drawn by Word put back into
/// the text; tracked changes read as accepted. Headers, footers, footnotes and comments are not read.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private readonly DocxReaderOptions _options;

    /// <summary>Creates the reader with default options.</summary>
    public DocxReader()
        : this(new DocxReaderOptions())
    {
    }

    /// <summary>Creates the reader.</summary>
    public DocxReader(DocxReaderOptions options) => _options = options;

    /// <inheritdoc />
    public string Format => "docx";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".docx", ".doc", ".docm", ".wps"];

    /// <inheritdoc />
    public int Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(ZipSignature) ? 60 : head.StartsWith(OleSignature) ? 60 : 0;

    /// <inheritdoc />
    public LayoutDocument Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var head = content.Span;
        if (head.StartsWith(OleSignature))
        {
            throw IsEncryptedPackage(head)
                ? new DocumentReadException(FailureKind.Encrypted, "an encrypted or password-protected Word document: remove the password and save it again as .docx")
                : new DocumentReadException(FailureKind.Unsupported, "a legacy binary Word .doc (or another OLE file): open it in Word or WPS and save it as .docx");
        }

        if (!head.StartsWith(ZipSignature))
        {
            throw new DocumentReadException(FailureKind.Unsupported, "not a Word .docx document: it is not a zip package");
        }

        var bytes = content.ToArray();
        CheckPackageSize(bytes);
        var problems = new List<string>();

        // What was being read when the Open XML SDK failed: the error names it.
        var reading = "its zip package";
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = _options.MaxCharactersInPart });
            var main = document.MainDocumentPart ?? throw new DocumentReadException(FailureKind.Unsupported, "not a Word document: the package has no main document part");
            reading = $"its main text ({main.Uri.OriginalString.TrimStart('/')})";
            if (XmlDepth.Problem(main, _options.MaxCharactersInPart) is { } deep)
            {
                throw new DocumentReadException($"a damaged .docx: {reading} {deep}");
            }

            var body = main.Document?.Body ?? throw new DocumentReadException(FailureKind.Unsupported, "not a Word document: the document has no body");
            var walker = new Walker(new WordNumbering(main, problems, _options.MaxCharactersInPart), cancellationToken);
            walker.VisitBlocks(body);
            var title = Title(document);
            return new LayoutDocument(Format, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), walker.Blocks) { Problems = problems };
        }
        catch (Exception e) when (DocxDamage.IsTheFiles(e))
        {
            throw new DocumentReadException($"a damaged .docx: {reading} {DocxDamage.Describe(e)}", e);
        }
    }

    private static string? Title(WordprocessingDocument document)
    {
        try
        {
            return document.PackageProperties.Title;
        }
        catch (Exception e) when (DocxDamage.IsTheFiles(e))
        {
            // Damaged document properties cost the title only.
            return null;
        }
    }

    // An encrypted .docx is an OLE file holding an "EncryptedPackage" stream; its directory names are UTF-16.
    private static bool IsEncryptedPackage(ReadOnlySpan<byte> content) =>
        content.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0
        || content.IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0;

    /// <summary>Refuses a package whose parts expand beyond the limit, before any part is inflated.</summary>
    private void CheckPackageSize(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > _options.MaxUncompressedBytes)
                {
                    throw new DocumentReadException(
                        FailureKind.TooLarge,
                        $"the .docx expands to more than {_options.MaxUncompressedBytes / (1024 * 1024)} MB (a zip bomb?); refused");
                }
            }
        }
        catch (Exception e) when (DocxDamage.IsTheFiles(e))
        {
            throw new DocumentReadException($"a damaged .docx: its zip package {DocxDamage.Describe(e)}", e);
        }
    }

    private sealed class Walker(WordNumbering numbering, CancellationToken cancellationToken)
    {
        private int _paragraphs;
        private int _tables;

        public List<LayoutBlock> Blocks { get; } = [];

        /// <summary>Paragraphs and tables of a body, cell, content control or text box, in order.</summary>
        public void VisitBlocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (child)
                {
                    case Paragraph p:
                        AddParagraph(p);
                        break;
                    case Table t when t.Descendants<Table>().Any():
                        // A table holding tables is page layout: read what its cells hold as blocks.
                        foreach (var cell in Rows(t).SelectMany(Cells))
                        {
                            VisitBlocks(cell);
                        }

                        break;
                    case Table t:
                        AddTable(t);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                        VisitBlocks(sdtContent);
                        break;
                    case CustomXmlBlock custom:
                        VisitBlocks(custom);
                        break;
                }
            }
        }

        private void AddParagraph(Paragraph p)
        {
            var text = CellText.Clean(numbering.Prefix(p) + ParagraphText(p));
            if (text.Length > 0)
            {
                _paragraphs++;
                Blocks.Add(new LayoutParagraph(text, $"paragraph {_paragraphs}"));
            }

            // Text boxes anchored in the paragraph follow it; an AlternateContent fallback repeats the choice, so it is skipped.
            foreach (var box in p.Descendants<TextBoxContent>().Where(static b => !IsInFallback(b) && b.Ancestors<TextBoxContent>().FirstOrDefault() is null))
            {
                VisitBlocks(box);
            }
        }

        private void AddTable(Table table)
        {
            _tables++;
            var index = _tables;
            var cells = new List<LayoutCell>();

            // The cell that a vMerge="continue" cell extends, by grid column.
            var openMerges = new Dictionary<int, int>();
            var rowIndex = 0;
            foreach (var row in Rows(table))
            {
                var col = Math.Clamp(WordValues.Int(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val) ?? 0, 0, WordValues.MaxColumns);
                foreach (var cell in Cells(row))
                {
                    var span = Math.Clamp(WordValues.Int(cell.TableCellProperties?.GridSpan?.Val) ?? 1, 1, WordValues.MaxColumns);
                    var merge = cell.TableCellProperties?.VerticalMerge;
                    if (merge is not null && (merge.Val is null || merge.Val.InnerText == "continue")
                        && openMerges.TryGetValue(col, out var origin))
                    {
                        cells[origin] = cells[origin] with { RowSpan = rowIndex - cells[origin].Row + 1 };
                    }
                    else
                    {
                        var text = CellText.Clean(string.Join('\n', CellParagraphs(cell)));
                        cells.Add(new LayoutCell(text, rowIndex, col, 1, span, $"table {index}, row {rowIndex + 1}, col {col + 1}"));
                        if (merge is not null)
                        {
                            openMerges[col] = cells.Count - 1;
                        }
                        else
                        {
                            openMerges.Remove(col);
                        }
                    }

                    col += span;
                }

                rowIndex++;
            }

            // Word's grid is explicit (w:tblGrid): positions mean the same column in every row.
            if (!TableBlocks.Add(Blocks, index, cells, isGridAligned: true, ref _paragraphs))
            {
                _tables--;
            }
        }

        /// <summary>The rows of a table, including rows wrapped in content controls or custom XML.</summary>
        private static IEnumerable<TableRow> Rows(OpenXmlElement container) => Unwrapped<TableRow>(container);

        /// <summary>The cells of a row, including cells wrapped in content controls or custom XML.</summary>
        private static IEnumerable<TableCell> Cells(OpenXmlElement row) => Unwrapped<TableCell>(row);

        private static IEnumerable<T> Unwrapped<T>(OpenXmlElement container)
            where T : OpenXmlElement
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case T item:
                        yield return item;
                        break;
                    case SdtRow or SdtCell or CustomXmlRow or CustomXmlCell:
                        var content = child.ChildElements.FirstOrDefault(static c => c is SdtContentRow or SdtContentCell) ?? child;
                        foreach (var inner in Unwrapped<T>(content))
                        {
                            yield return inner;
                        }

                        break;
                }
            }
        }

        private IEnumerable<string> CellParagraphs(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph p:
                        yield return numbering.Prefix(p) + ParagraphText(p);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        foreach (var s in CellParagraphs(content))
                        {
                            yield return s;
                        }

                        break;
                }
            }
        }

        /// <summary>The text of a paragraph as a reader sees it: insertions kept, deletions and field codes dropped.</summary>
        private static string ParagraphText(Paragraph p)
        {
            var sb = new StringBuilder();
            Append(p, sb);
            return sb.ToString();
        }

        private static void Append(OpenXmlElement element, StringBuilder sb)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case WordText t:
                        sb.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        sb.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        sb.Append('\n');
                        break;
                    case NoBreakHyphen:
                        sb.Append('-');
                        break;
                    case DeletedRun or MoveFromRun or DeletedText or FieldCode or DeletedFieldCode or TextBoxContent
                        or AlternateContentFallback or SoftHyphen or ParagraphProperties or RunProperties:
                        break;
                    default:
                        Append(child, sb);
                        break;
                }
            }
        }

        private static bool IsInFallback(OpenXmlElement e) => e.Ancestors<AlternateContentFallback>().Any();
    }
}
