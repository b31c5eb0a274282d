using Disclosure.Parsing.Layout;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Recognition;

/// <summary>
/// Maps the rows of the table blocks of one statistical table onto canonical keys. A row is found by its label
/// path, a column by its header path; a number's position never decides its key on its own.
/// </summary>
internal sealed class TableExtractor(TableMatching matching, RecognitionCaches caches)
{
    private readonly TableTemplate _template = matching.Template;
    private readonly Dictionary<string, ReportCell> _cells = new(StringComparer.Ordinal);
    private readonly List<(LayoutTable Table, int Row)> _pendingHeader = [];
    private List<ColumnSlot>? _columns;
    private LayoutTable? _headerTable;

    public IReadOnlyDictionary<string, ReportCell> Cells => _cells;

    public void Add(LayoutTable table)
    {
        for (var r = 0; r < table.RowCount; r++)
        {
            var row = table.Rows[r];
            if (row.All(static c => c.Text.Length == 0))
            {
                continue;
            }

            var normalized = new string[row.Count];
            for (var i = 0; i < normalized.Length; i++)
            {
                normalized[i] = caches.Normalize(row[i].Text);
            }

            if (IsHeaderRow(row, normalized))
            {
                _pendingHeader.Add((table, r));
                continue;
            }

            RowTemplate? rowTemplate = null;
            var labelIndex = -1;
            if (_template.HasRowLabels)
            {
                (rowTemplate, labelIndex) = FindRowLabel(row, normalized);
                if (rowTemplate is null)
                {
                    _pendingHeader.Add((table, r));
                    continue;
                }
            }
            else if (!row.Any(static c => c.Text.Length > 0 && LabelText.LooksLikeValue(c.Text)))
            {
                _pendingHeader.Add((table, r));
                continue;
            }

            if (_pendingHeader.Count > 0)
            {
                var resolved = ResolveColumns();
                if (resolved.Count > 0)
                {
                    _columns = resolved;
                    _headerTable = _pendingHeader[^1].Table;
                }

                _pendingHeader.Clear();
            }

            if (_columns is not null)
            {
                MapValues(table, row, rowTemplate?.Id ?? string.Empty, labelIndex);
            }
        }
    }

    private bool IsHeaderRow(IReadOnlyList<LayoutCell> row, string[] normalized)
    {
        var columnLabels = 0;
        for (var i = 0; i < row.Count; i++)
        {
            if (normalized[i].Length > 0 && !LabelText.LooksLikeValue(row[i].Text) && matching.IsColumnLabel(normalized[i]))
            {
                columnLabels++;
            }
        }

        return columnLabels >= 2 || (!_template.HasRowLabels && columnLabels >= 1);
    }

    /// <summary>The rightmost cell whose label matches a template row, with the row it matches.</summary>
    private (RowTemplate? Row, int Index) FindRowLabel(IReadOnlyList<LayoutCell> row, string[] normalized)
    {
        for (var i = row.Count - 1; i >= 0; i--)
        {
            if (normalized[i].Length == 0 || LabelText.LooksLikeValue(row[i].Text))
            {
                continue;
            }

            var best = matching.BestRows(normalized[i]);
            if (best.Count >= 1)
            {
                return (best[0], i);
            }
        }

        return (null, -1);
    }

    private List<ColumnSlot> ResolveColumns()
    {
        var table = _pendingHeader[0].Table;
        var oneTable = _pendingHeader.All(h => h.Table == table);
        var slots = oneTable && table.IsGridAligned
            ? GridSlots(table, _pendingHeader.Select(static h => h.Row).ToList())
            : HeaderTreeSlots();
        return AssignTemplateColumns(slots);
    }

    /// <summary>Header paths read from the grid: for each column position, the header cells above it.</summary>
    private List<HeaderSlot> GridSlots(LayoutTable table, List<int> headerRows)
    {
        var width = table.Cells.Count == 0 ? 0 : table.Cells.Max(static c => c.Column + c.ColumnSpan);
        var slots = new List<HeaderSlot>();
        LayoutCell? previousLeaf = null;
        for (var x = 0; x < width; x++)
        {
            var path = new List<(string Label, LayoutCell Cell)>();
            foreach (var r in headerRows)
            {
                var cell = table.Rows[r].FirstOrDefault(c => c.Column <= x && x < c.Column + c.ColumnSpan);
                if (cell is null || path.Any(p => ReferenceEquals(p.Cell, cell)))
                {
                    continue;
                }

                var label = caches.Normalize(cell.Text);
                if (label.Length > 0)
                {
                    path.Add((label, cell));
                }
            }

            if (path.Count == 0 || ReferenceEquals(path[^1].Cell, previousLeaf))
            {
                continue;
            }

            var leaf = path[^1];
            previousLeaf = leaf.Cell;
            if (_template.Columns.Any(c => LabelMatcher.Matches(leaf.Label, c.Leaf)))
            {
                slots.Add(new HeaderSlot(path.Select(static p => p.Label).ToList(), leaf.Cell.Column));
            }
        }

        return slots;
    }

    /// <summary>
    /// Header paths where the geometry is unknown (text copied from a page: no spans). The header rows are read
    /// top-down as a tree: a cell that groups other columns in the template (法人或其他组织, 行政诉讼 …) takes the
    /// cells of the next row that the template allows under it, in order.
    /// </summary>
    private List<HeaderSlot> HeaderTreeSlots()
    {
        var sequence = new List<HeaderNode>();
        foreach (var (table, r) in _pendingHeader)
        {
            var children = table.Rows[r]
                .Where(c => c.StartsIn(r))
                .Select(c => caches.Normalize(c.Text))
                .Where(l => l.Length > 0 && matching.IsColumnLabel(l))
                .ToList();
            if (children.Count == 0)
            {
                continue;
            }

            var next = new List<HeaderNode>();
            var ci = 0;
            foreach (var node in sequence)
            {
                if (!node.IsGroup)
                {
                    next.Add(node);
                    continue;
                }

                var taken = new List<string>();
                while (ci < children.Count && Allows(node.Path, children[ci]) && !taken.Contains(children[ci]))
                {
                    taken.Add(children[ci++]);
                }

                if (taken.Count == 0)
                {
                    next.Add(node);
                }
                else
                {
                    next.AddRange(taken.Select(t => NewNode([.. node.Path, t])));
                }
            }

            next.AddRange(children.Skip(ci).Select(c => NewNode([c])));
            sequence = next;
        }

        // A group whose sub-columns were not printed (a header row lost in copying) has the template's, in its order.
        sequence = sequence.SelectMany(n => n.IsGroup ? TemplateChildren(n) : [n]).ToList();
        return sequence.Where(static n => !n.IsGroup).Select(static n => new HeaderSlot(n.Path, -1)).ToList();
    }

    private IEnumerable<HeaderNode> TemplateChildren(HeaderNode group)
    {
        foreach (var column in _template.Columns)
        {
            for (var depth = 0; depth < column.Path.Count - 1; depth++)
            {
                if (LabelMatcher.Matches(group.Path[^1], column.Path[depth]))
                {
                    yield return new HeaderNode([.. group.Path, .. column.Path.Skip(depth + 1)], IsGroup: false);
                    break;
                }
            }
        }
    }

    private HeaderNode NewNode(List<string> path)
    {
        var label = path[^1];
        var isGroup = _template.GroupLabels.Any(g => LabelMatcher.Matches(label, g))
            && !_template.Columns.Any(c => LabelMatcher.Matches(label, c.Leaf));
        return new HeaderNode(path, isGroup);
    }

    // Whether some template column has a path that starts like `path` and continues with `child`.
    private bool Allows(List<string> path, string child) => _template.Columns.Any(c =>
    {
        for (var depth = 0; depth <= c.Path.Count - 2; depth++)
        {
            if (LabelMatcher.Matches(path[^1], c.Path[depth]) && LabelMatcher.Matches(child, c.Path[depth + 1]))
            {
                return true;
            }
        }

        return false;
    });

    /// <summary>Gives each header slot the template column its leaf and ancestors match best, left to right.</summary>
    private List<ColumnSlot> AssignTemplateColumns(List<HeaderSlot> slots)
    {
        var assigned = new HashSet<int>();
        var result = new List<ColumnSlot>();
        foreach (var slot in slots)
        {
            var leafMatches = LabelMatcher.Best(slot.Path[^1], _template.Columns, static c => [c.Leaf]);
            var ranked = leafMatches
                .Select(c => (Column: c, Ancestors: c.Path.Take(c.Path.Count - 1)
                    .Count(a => slot.Path.Take(slot.Path.Count - 1).Any(s => LabelMatcher.Matches(s, a)))))
                .ToList();
            if (ranked.Count == 0)
            {
                continue;
            }

            var top = ranked.Max(static r => r.Ancestors);
            var choice = ranked.Where(r => r.Ancestors == top && !assigned.Contains(r.Column.Index))
                .Select(static r => r.Column)
                .FirstOrDefault();
            if (choice is null)
            {
                continue;
            }

            assigned.Add(choice.Index);
            result.Add(new ColumnSlot(choice, slot.GridColumn));
        }

        return result;
    }

    private void MapValues(LayoutTable table, IReadOnlyList<LayoutCell> row, string rowId, int labelIndex)
    {
        var columns = _columns!;
        var byGrid = table.IsGridAligned && _headerTable is not null && columns.All(static c => c.GridColumn >= 0)
            && (ReferenceEquals(table, _headerTable) || GridWidth(table) == GridWidth(_headerTable));
        if (byGrid)
        {
            foreach (var column in columns)
            {
                var cell = row.FirstOrDefault(c => c.Column <= column.GridColumn && column.GridColumn < c.Column + c.ColumnSpan);
                if (cell is null || (labelIndex >= 0 && ReferenceEquals(cell, row[labelIndex])))
                {
                    continue;
                }

                Put(rowId, column.Template, cell);
            }

            return;
        }

        // Without geometry the value cells are those after the row's label, the last of them if there are more.
        var values = row.Skip(labelIndex + 1).ToList();
        if (values.Count > columns.Count)
        {
            values = values.Skip(values.Count - columns.Count).ToList();
        }

        for (var i = 0; i < values.Count; i++)
        {
            Put(rowId, columns[i].Template, values[i]);
        }

    }

    private static int GridWidth(LayoutTable table) =>
        table.Cells.Count == 0 ? 0 : table.Cells.Max(static c => c.Column + c.ColumnSpan);

    private void Put(string rowId, ColumnTemplate column, LayoutCell cell)
    {
        var key = _template.KeyFor(rowId, column);
        if (key is null || _cells.ContainsKey(key))
        {
            return;
        }

        // The text stays as printed; only the value is read through the folding of full-width forms.
        var text = cell.Text.Trim();
        _cells[key] = new ReportCell(key, LabelText.ParseNumber(text), text, cell.Location);
    }

    private sealed record HeaderSlot(List<string> Path, int GridColumn);

    private sealed record HeaderNode(List<string> Path, bool IsGroup);

    private sealed record ColumnSlot(ColumnTemplate Template, int GridColumn);
}
