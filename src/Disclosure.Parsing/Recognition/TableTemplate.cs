using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Recognition;

/// <summary>A row of a statistical table: its id (the key's middle part) and the labels it may be printed with.</summary>
internal sealed record RowTemplate(string Id, IReadOnlyList<string> Labels, IReadOnlyList<string> Path);

/// <summary>A column: its key parts and its header path (normalised labels, outermost first).</summary>
internal sealed record ColumnTemplate(int Index, string Table, string Id, IReadOnlyList<string> Path)
{
    public string Leaf => Path[^1];
}

/// <summary>
/// The template knowledge of one statistical table (section 二, 三 or 四), derived from the cell catalogue: which
/// rows and columns it has, the labels they are printed with, and which key a row and column meet at.
/// </summary>
internal sealed class TableTemplate
{
    private readonly Dictionary<(string Row, int Column), string> _keys = [];

    private TableTemplate(string name, string section, bool hasRowLabels)
    {
        Name = name;
        Section = section;
        HasRowLabels = hasRowLabels;
    }

    /// <summary><c>active</c>, <c>requests</c> or <c>appeals</c>.</summary>
    public string Name { get; }

    /// <summary>二, 三 or 四.</summary>
    public string Section { get; }

    /// <summary>False for section 四, whose blocks are all columns of one unlabelled row.</summary>
    public bool HasRowLabels { get; }

    public List<RowTemplate> Rows { get; } = [];

    public List<ColumnTemplate> Columns { get; } = [];

    /// <summary>Normalised header labels that group other columns (法人或其他组织, 行政诉讼 …).</summary>
    public HashSet<string> GroupLabels { get; } = new(StringComparer.Ordinal);

    /// <summary>Normalised labels that mark a table of this kind and no other (used to classify table blocks).</summary>
    public HashSet<string> DistinctiveLabels { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The distinctive labels in a fixed order: printed in a table's cells, they are evidence of the table (see
    /// <see cref="ReportEvidence"/>), and a page whose text has too few of them cannot hold it.
    /// </summary>
    public IReadOnlyList<string> Anchors { get; private set; } = [];

    /// <summary>Every cell key this table maps rows and columns to.</summary>
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<TableTemplate> All { get; } = Build();

    // Pure functions of a label, remembered per pipeline by TableMatching (the templates are shared by the process).

    /// <summary>Whether a normalised label marks a table of this kind (matches one of <see cref="DistinctiveLabels"/>).</summary>
    public bool IsDistinctive(string label) => DistinctiveLabels.Any(d => LabelMatcher.Matches(label, d));

    /// <summary>Whether a normalised label matches a label on some column's header path.</summary>
    public bool IsColumnLabel(string label) => Columns.Any(c => c.Path.Any(p => LabelMatcher.Matches(label, p)));

    /// <summary>The rows a normalised label matches best, all tied at the best score; empty below the threshold.</summary>
    public RowTemplate[] BestRows(string label) => [.. LabelMatcher.Best(label, Rows, static r => r.Labels)];

    public string? KeyFor(string rowId, ColumnTemplate column) => _keys.GetValueOrDefault((rowId, column.Index));

    private static List<TableTemplate> Build()
    {
        // Each table's section as the catalogue gives it.
        static string SectionOf(string table) => CellCatalog.All.First(c => c.Table == table).Section;
        var active = new TableTemplate("active", SectionOf("active"), hasRowLabels: true);
        var requests = new TableTemplate("requests", SectionOf("requests"), hasRowLabels: true);
        var appeals = new TableTemplate("appeals", SectionOf("appeals"), hasRowLabels: false);
        foreach (var cell in CellCatalog.All)
        {
            var template = cell.Table switch
            {
                "active" or "active2019" => active,
                "requests" => requests,
                "appeals" => appeals,
                _ => throw new InvalidDataException($"unknown table in key {cell.Key}"),
            };
            template.Add(cell);
        }

        var all = new List<TableTemplate> { active, requests, appeals };
        foreach (var t in all)
        {
            var own = t.Rows.SelectMany(static r => r.Labels)
                .Concat(t.Columns.SelectMany(static c => c.Path))
                .Where(static l => l.Length >= 4)
                .ToHashSet(StringComparer.Ordinal);
            var others = all.Where(o => o != t)
                .SelectMany(static o => o.Rows.SelectMany(static r => r.Labels).Concat(o.Columns.SelectMany(static c => c.Path)))
                .ToHashSet(StringComparer.Ordinal);
            t.DistinctiveLabels.UnionWith(own.Where(l => !others.Contains(l)));
            t.Anchors = [.. t.DistinctiveLabels.Order(StringComparer.Ordinal)];
        }

        return all;
    }

    private void Add(CellDefinition cell)
    {
        string rowId;
        IReadOnlyList<string> columnPath;
        if (HasRowLabels)
        {
            rowId = cell.Row;
            columnPath = cell.ColumnPath;
            var row = Rows.FirstOrDefault(r => r.Id == rowId);
            var leaf = LabelText.Normalize(cell.RowPath[^1]);
            if (row is null)
            {
                var labels = new List<string> { leaf };
                // Labels real reports print that the contract's paths do not spell out (row_aliases.tsv).
                labels.AddRange(TemplateWords.RowAliases.GetValueOrDefault(rowId, []).Select(LabelText.Normalize));
                row = new RowTemplate(rowId, labels.Distinct().ToList(), cell.RowPath.Select(LabelText.Normalize).ToList());
                Rows.Add(row);
            }
            else if (!row.Labels.Contains(leaf))
            {
                ((List<string>)row.Labels).Add(leaf);
            }
        }
        else
        {
            // Section 四: the block (行政复议 …) and the result are both column headers of one value row.
            rowId = string.Empty;
            columnPath = [.. cell.RowPath, .. cell.ColumnPath];
        }

        var path = columnPath.Select(LabelText.Normalize).ToList();
        var columnId = HasRowLabels ? cell.Column : cell.Row + "." + cell.Column;
        var column = Columns.FirstOrDefault(c => c.Table == cell.Table && c.Id == columnId);
        if (column is null)
        {
            column = new ColumnTemplate(Columns.Count, cell.Table, columnId, path);
            Columns.Add(column);
            foreach (var group in path.Take(path.Count - 1))
            {
                GroupLabels.Add(group);
            }
        }

        _keys[(rowId, column.Index)] = cell.Key;
        Keys.Add(cell.Key);
    }
}
