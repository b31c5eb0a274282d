namespace Disclosure.Parsing.Model;

/// <summary>What a cell holds, which decides the number checks it gets.</summary>
public enum CellKind
{
    /// <summary>A non-negative integer.</summary>
    Count,

    /// <summary>A non-negative decimal (万元 in the 2021 template).</summary>
    Amount,

    /// <summary>An integer that may be negative, such as 本年增/减.</summary>
    Signed,
}

/// <summary>One canonical cell of the contract (<c>cells.tsv</c>).</summary>
/// <param name="Key">The key, <c>table.row.column</c>.</param>
/// <param name="Template"><c>2021</c>, <c>2019</c> or <c>both</c>.</param>
/// <param name="Section">The section number (二, 三 or 四).</param>
/// <param name="RowPath">The row label path, outermost first.</param>
/// <param name="ColumnPath">The column label path, outermost first.</param>
/// <param name="Kind">What the cell holds.</param>
public sealed record CellDefinition(
    string Key,
    string Template,
    string Section,
    IReadOnlyList<string> RowPath,
    IReadOnlyList<string> ColumnPath,
    CellKind Kind)
{
    /// <summary>The row label path, outermost first. Read-only: the catalogue is shared by the whole process.</summary>
    public IReadOnlyList<string> RowPath { get; init => field = ValueList.Of(value); } = ValueList.Of(RowPath);

    /// <summary>The column label path, outermost first. Read-only: the catalogue is shared by the whole process.</summary>
    public IReadOnlyList<string> ColumnPath { get; init => field = ValueList.Of(value); } = ValueList.Of(ColumnPath);

    /// <summary>The table part of the key: <c>active</c>, <c>active2019</c>, <c>requests</c> or <c>appeals</c>.</summary>
    public string Table => Key[..Key.IndexOf('.')];

    /// <summary>The row part of the key.</summary>
    public string Row => Key.Split('.')[1];

    /// <summary>The column part of the key.</summary>
    public string Column => Key.Split('.')[2];

    /// <summary>True when a report of <paramref name="template"/> (<c>2021</c> or <c>2019</c>) has this cell.</summary>
    public bool In(string template) => Template == "both" || Template == template;
}

/// <summary>The canonical cell keys, in the contract's order. Output columns and JSON keys come from here.</summary>
public static partial class CellCatalog
{
    private static readonly Lazy<IReadOnlyList<CellDefinition>> Cells = new(Load);

    /// <summary>Every cell of both templates, in <c>cells.tsv</c> order.</summary>
    public static IReadOnlyList<CellDefinition> All => Cells.Value;

    /// <summary>The cells a report of <paramref name="template"/> (<c>2021</c> or <c>2019</c>) has.</summary>
    public static IEnumerable<CellDefinition> For(string template) => All.Where(c => c.In(template));

    /// <summary>The definition of <paramref name="key"/>, or null.</summary>
    public static CellDefinition? Find(string key) => ByKey.Value.GetValueOrDefault(key);

    private static readonly Lazy<System.Collections.Frozen.FrozenDictionary<string, CellDefinition>> ByKey =
        new(() => System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All, static c => c.Key, StringComparer.Ordinal));

    private static IReadOnlyList<CellDefinition> Load() =>
        ValueList.Of(TemplateFiles.Rows("cells.tsv", 6).Select(static f => new CellDefinition(f[0], f[1], SectionNumber(f[2]), SplitPath(f[3]), SplitPath(f[4]), f[5] switch
        {
            "count" => CellKind.Count,
            "amount" => CellKind.Amount,
            "signed" => CellKind.Signed,
            _ => throw new InvalidDataException($"cells.tsv: unknown kind '{f[5]}'"),
        })));

    private static string SectionNumber(string title) => title[..1];

    // Paths are written "a｜b"; an ASCII parenthesised note after a space (" (one row, no sub-rows)") is not a label.
    private static string[] SplitPath(string path)
    {
        var note = path.IndexOf(" (", StringComparison.Ordinal);
        if (note >= 0)
        {
            path = path[..note];
        }

        return path.Split('｜', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
