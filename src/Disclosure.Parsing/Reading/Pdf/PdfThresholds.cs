namespace Disclosure.Parsing.Reading.Pdf;

/// <summary>
/// Every distance the PDF reader judges by, in one place and in one unit: the glyph size, a character's height in
/// points. A report printed reduced or enlarged (a "fit to page" export, A3 printed on A4, a driver's 90%) scales its
/// text, its gaps and its ruling lines together, so a threshold in glyph sizes scales with them where one in points
/// would swallow a row gap in reduced print, or split a line in enlarged print. Where a distance concerns a page
/// (<see cref="PageGeometry.TextSize"/>, the median size of its glyphs, taken once) the page's text size is the unit;
/// where it concerns a line or a cell, that text's own size is.
/// </summary>
/// <remarks>
/// The values were points before; each became the same distance on a page of 10.5 pt text (五号, the size Word and WPS
/// print report tables in, and the size of the generated fixtures), rounded. Reports print their tables in 7.5 pt to
/// 16 pt text; the corpus reads the same cells with either unit.
/// </remarks>
internal static class PdfThresholds
{
    /// <summary>The text size assumed where there is no text to measure (a page of ruling lines only): 五号.</summary>
    public const double FallbackTextSize = 10.5;

    // Ruling lines (page text sizes).

    /// <summary>
    /// A filled rectangle thinner than this is a ruling line (WPS draws borders as thin filled rectangles); a thicker
    /// one is a shaded area, or a box whose four edges are rulings when it is stroked. 0.3: a heavy border is 1.5 pt, a
    /// shaded cell a line of text high.
    /// </summary>
    public const double RulingThickness = 0.3;

    /// <summary>
    /// A stroked segment whose ends differ by less than this across its length runs straight along the page: the
    /// slant a PDF writer's rounding leaves. 0.08 (0.8 pt).
    /// </summary>
    public const double RulingSlant = 0.08;

    /// <summary>A stroked segment shorter than this is a dot or a tick mark, not a ruling. 0.1 (1 pt).</summary>
    public const double RulingMinLength = 0.1;

    /// <summary>
    /// An edge of a closed subpath is axis-aligned when its ends differ by less than this across it: the path is then a
    /// box, read as its four edges. 0.01 (0.1 pt): rounding only.
    /// </summary>
    public const double BoxEdgeSlant = 0.01;

    /// <summary>
    /// Default for <see cref="PdfReaderOptions.RulingTolerance"/>: ruling lines this close are one line of the grid
    /// (the two strokes of a doubled border, borders drawn cell by cell with rounding), a line stopping this short of
    /// another still meets it. 0.2 (2 pt), far below the smallest row height (a line of text and its padding).
    /// </summary>
    public const double RulingTolerance = 0.2;

    /// <summary>
    /// A glyph whose centre lies this far outside a ruled table's frame still belongs to it (text touching the frame).
    /// 0.1 (1 pt). As 1 pt it was a fifth of a glyph in a report printed at quarter size, and took the low 、 of a
    /// heading set close above the table into the table, where no cell held it.
    /// </summary>
    public const double TableFrameMargin = 0.1;

    // Lines of text (the glyphs' own sizes).

    /// <summary>
    /// Default for <see cref="PdfReaderOptions.LineTolerance"/>: a glyph whose vertical middle lies within this many of
    /// the larger glyph's sizes from a line's is on that line. 0.45: under half a line, so two lines set solid stay
    /// apart, while punctuation that sits low (、 ，) and digits of another font stay on their line.
    /// </summary>
    public const double LineTolerance = 0.45;

    /// <summary>A gap wider than this, in the smaller neighbour's size, is a space between words. 0.5: half a character.</summary>
    public const double WordGap = 0.5;

    /// <summary>
    /// A number starting after a gap wider than this is a cell of its own: a label that fills its cell stands close
    /// to the first value. 0.35, narrower than a word gap.
    /// </summary>
    public const double NumberGap = 0.35;

    /// <summary>Runs of glyphs closer than this are one word in the page view (<see cref="PdfReaderOptions.KeepPageGeometry"/>). 0.3.</summary>
    public const double PageViewWordGap = 0.3;

    // Tables without rulings (the line's text size).

    /// <summary>Default for <see cref="PdfReaderOptions.BorderlessColumnGap"/>: a gap of a character separates two cells of a row.</summary>
    public const double BorderlessColumnGap = 1.0;

    /// <summary>Lines further apart than this (2.5 lines) are not one table: a paragraph or a heading lies between.</summary>
    public const double TableBreak = 2.5;

    /// <summary>A line this close below a table (1.2 lines: the leading) may continue its last row (a wrapped label).</summary>
    public const double WrapLeading = 1.2;

    /// <summary>
    /// A header glyph gap wider than this is where a column boundary may cut the header line: narrow cells print their
    /// labels almost touching (商业企 科研机). 0.2.
    /// </summary>
    public const double HeaderCutGap = 0.2;

    /// <summary>A header piece reaching this far past the edge of the label column straddles it. 0.5.</summary>
    public const double LabelEdgeOverlap = 0.5;

    /// <summary>
    /// A wrapped line's piece lies within a cell of the row above when it stays inside it to this much: centred text
    /// wraps a little wider or narrower. 0.15 (1.5 pt).
    /// </summary>
    public const double WrapOverhang = 0.15;

    // Across pages (page text sizes).

    /// <summary>
    /// A table continued on the next page has its column boundaries within this of the same boundaries before the
    /// break. 0.3 (3 pt): one table printed twice, its rulings a little moved by rounding.
    /// </summary>
    public const double ColumnMatch = 0.3;

    /// <summary>
    /// A running header or footer stands at the same height on every page, to within this. 0.6 (6 pt): a line of
    /// text apart is a different line.
    /// </summary>
    public const double RunningLineDrift = 0.6;
}
