namespace Disclosure.Parsing.Model;

/// <summary>One recognised annual report: its identity, sections and statistical cells. Immutable.</summary>
/// <param name="Agency">The reporting body, from the title or the opening lines; null when not found.</param>
/// <param name="Year">The reporting year; null when not found.</param>
/// <param name="Template">
/// The table template: <c>2021</c> (国办公开办函〔2021〕30号) or <c>2019</c>, as the section 二 table shows it (the table
/// the two templates differ most in); null when no table was found. A report may mix them (a 2021 report keeping the
/// 2019 section 二 table): <see cref="ReportTable.Template"/> and <see cref="TemplateOf"/> tell each table's own.
/// </param>
/// <param name="Sections">All six sections 一 … 六, found or not, in order.</param>
/// <param name="Tables">The three statistical tables (sections 二, 三, 四), found or not.</param>
/// <param name="Cells">Every located cell by canonical key (see <see cref="CellCatalog"/>).</param>
public sealed partial record Report(
    string? Agency,
    int? Year,
    string? Template,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyDictionary<string, ReportCell> Cells)
{
    // The collections are copied in, read-only and compared by value (see ValueList): a report is a value.

    /// <summary>All six sections 一 … 六, found or not, in order. Read-only.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init => field = ValueList.Of(value); } = ValueList.Of(Sections);

    /// <summary>The three statistical tables (sections 二, 三, 四), found or not. Read-only.</summary>
    public IReadOnlyList<ReportTable> Tables { get; init => field = ValueList.Of(value); } = ValueList.Of(Tables);

    /// <summary>Every located cell by canonical key (see <see cref="CellCatalog"/>), in the order given (the recogniser gives the catalogue's). Read-only.</summary>
    public IReadOnlyDictionary<string, ReportCell> Cells { get; init => field = ValueMap<string, ReportCell>.Of(value, StringComparer.Ordinal); } =
        ValueMap<string, ReportCell>.Of(Cells, StringComparer.Ordinal);

    /// <summary>Every paragraph that reads as a numbered section heading, in document order (duplicates and misnumbering included).</summary>
    public IReadOnlyList<ReportHeading> Headings { get; init => field = ValueList.Of(value); } = ValueList<ReportHeading>.Empty;

    /// <summary>The paragraphs outside tables, with the section each stands in.</summary>
    public IReadOnlyList<ReportProse> Prose { get; init => field = ValueList.Of(value); } = ValueList<ReportProse>.Empty;

    /// <summary>The year of the statistics period (“自2024年1月1日至2024年12月31日”), when stated.</summary>
    public int? PeriodYear { get; init; }

    /// <summary>The year the opening lines of section 一 speak of (“2024年，本机关…”), when stated.</summary>
    public int? OpeningYear { get; init; }

    /// <summary>
    /// Rows of text a crawler flattened whose glued digits split in more than one way that every rule allows, or in
    /// none: their cells are in <see cref="Cells"/> with no value and the glued text (CELL005 reports them).
    /// </summary>
    public IReadOnlyList<GluedRow> GluedRows { get; init => field = ValueList.Of(value); } = ValueList<GluedRow>.Empty;

    /// <summary>The cell with <paramref name="key"/>, or null when it was not located.</summary>
    public ReportCell? Cell(string key) => Cells.GetValueOrDefault(key);

    /// <summary>The value of the cell with <paramref name="key"/>, or null when it is absent, blank or not a number.</summary>
    public decimal? Value(string key) => Cells.GetValueOrDefault(key)?.Value;

    /// <summary>
    /// The template of the table named <paramref name="table"/> (<c>active</c>, <c>requests</c>, <c>appeals</c>): its own
    /// where the recogniser decided it, else the report's <see cref="Template"/>.
    /// </summary>
    public string? TemplateOf(string table) => Tables.FirstOrDefault(t => t.Name == table)?.Template ?? Template;

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
public sealed record ReportTable(string Name, string Section, bool Found, string? Location)
{
    /// <summary>
    /// The template this table is printed in, decided table by table: <c>2019</c> or <c>2021</c>; null when the table was
    /// not found. Section 二 by its columns and rows; section 三 by （六）其他处理 (its three sub-rows are the 2021 table, a
    /// single row the 2019 one where section 二 is of 2019 too); section 四, alike in both, follows the others.
    /// </summary>
    public string? Template { get; init; }
}

/// <summary>One located cell.</summary>
/// <param name="Key">The canonical key, e.g. <c>requests.new.total</c>.</param>
/// <param name="Value">The number printed; null when the cell is blank or not a number.</param>
/// <param name="Text">The text as printed (trimmed).</param>
/// <param name="Location">Where it was found, e.g. <c>table 2, row 4, col 10</c>.</param>
public sealed record ReportCell(string Key, decimal? Value, string Text, string Location)
{
    /// <summary>The <see cref="Location"/> read into its parts (page, line, table, row, column).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public SourceLocation Place => SourceLocation.Parse(Location);
}

/// <summary>A paragraph that reads as a section heading: a list number (一、) and words that give it a meaning.</summary>
/// <param name="Number">The number printed (一 … 十).</param>
/// <param name="Meaning">The section its words mean (一 … 六), or null when they match none.</param>
/// <param name="Text">The heading as printed.</param>
/// <param name="Location">Where it is.</param>
public sealed record ReportHeading(string Number, string? Meaning, string Text, string Location);

/// <summary>A paragraph outside the tables.</summary>
/// <param name="Section">The section it stands in (一 … 六), or null before the first heading.</param>
/// <param name="Text">The paragraph's text.</param>
/// <param name="Location">Where it is.</param>
public sealed record ReportProse(string? Section, string Text, string Location);

/// <summary>
/// A table row printed with its cells glued together (<c>行政规范性文件77132470</c>, as crawlers keep pages) that the
/// digits and the table's identities do not split in exactly one way.
/// </summary>
/// <param name="Section">The section of its table (二, 三 or 四).</param>
/// <param name="Cells">The row's cells, by canonical key, in order (a block of section 四).</param>
/// <param name="Text">The glued text as printed.</param>
/// <param name="Splits">The splits every rule allows, each the row's values in order (at most a few are kept); empty when none does.</param>
/// <param name="SplitCount">How many splits every rule allows; null when there were too many to decide.</param>
/// <param name="Location">Where the row is.</param>
public sealed record GluedRow(string Section, IReadOnlyList<string> Cells, string Text, IReadOnlyList<IReadOnlyList<decimal>> Splits, int? SplitCount, string Location)
{
    /// <summary>The row's cells, by canonical key, in order. Read-only.</summary>
    public IReadOnlyList<string> Cells { get; init => field = ValueList.Of(value); } = ValueList.Of(Cells);

    /// <summary>The splits every rule allows, each the row's values in order. Read-only, compared by value.</summary>
    public IReadOnlyList<IReadOnlyList<decimal>> Splits { get; init => field = ValueList.OfLists(value); } = ValueList.OfLists(Splits);
}
