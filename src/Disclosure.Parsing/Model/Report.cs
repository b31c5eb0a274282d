namespace Disclosure.Parsing.Model;

/// <summary>One recognised annual report: its identity, sections and statistical cells. Immutable.</summary>
/// <param name="Agency">The reporting body, from the title or the opening lines; null when not found.</param>
/// <param name="Year">The reporting year; null when not found.</param>
/// <param name="Template">The table template: <c>2021</c> (国办公开办函〔2021〕30号) or <c>2019</c>; null when no table was found.</param>
/// <param name="Sections">All six sections 一 … 六, found or not, in order.</param>
/// <param name="Tables">The three statistical tables (sections 二, 三, 四), found or not.</param>
/// <param name="Cells">Every located cell by canonical key (see <see cref="CellCatalog"/>).</param>
public sealed record Report(
    string? Agency,
    int? Year,
    string? Template,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyDictionary<string, ReportCell> Cells)
{
    /// <summary>The cell with <paramref name="key"/>, or null when it was not located.</summary>
    public ReportCell? Cell(string key) => Cells.GetValueOrDefault(key);

    /// <summary>The value of the cell with <paramref name="key"/>, or null when it is absent, blank or not a number.</summary>
    public decimal? Value(string key) => Cells.GetValueOrDefault(key)?.Value;

    /// <summary>The section numbered <paramref name="number"/> (一 … 六).</summary>
    public ReportSection Section(string number) => Sections.First(s => s.Number == number);
}

/// <summary>One of the six sections.</summary>
/// <param name="Number">一, 二, 三, 四, 五 or 六.</param>
/// <param name="Title">The heading as printed, or the official title when the section was not found.</param>
/// <param name="Found">Whether the document has this section.</param>
/// <param name="Location">Where the heading is, when found.</param>
public sealed record ReportSection(string Number, string Title, bool Found, string? Location);

/// <summary>One statistical table of the report.</summary>
/// <param name="Name"><c>active</c> (section 二), <c>requests</c> (section 三) or <c>appeals</c> (section 四).</param>
/// <param name="Section">The section number the table belongs to.</param>
/// <param name="Found">Whether the table was located.</param>
/// <param name="Location">Where its first block starts, when found.</param>
public sealed record ReportTable(string Name, string Section, bool Found, string? Location);

/// <summary>One located cell.</summary>
/// <param name="Key">The canonical key, e.g. <c>requests.new.total</c>.</param>
/// <param name="Value">The number printed; null when the cell is blank or not a number.</param>
/// <param name="Text">The text as printed (trimmed).</param>
/// <param name="Location">Where it was found, e.g. <c>table 2, row 4, col 10</c>.</param>
public sealed record ReportCell(string Key, decimal? Value, string Text, string Location);
