namespace Disclosure.Parsing.Recognition;

/// <summary>
/// What recognition remembers of the labels it has seen: normalised forms, the anchors a label holds, and each
/// table's fuzzy matches. Owned by one <see cref="DisclosurePipeline"/> (two pipelines share nothing) and shared by
/// the threads of its batches; every memo is bounded and evicting (<see cref="LabelMemo{T}"/>). The static entry
/// points of recognition take a new one per call, so that no cache outlives its caller.
/// </summary>
internal sealed class RecognitionCaches
{
    private readonly LabelMemo<string> _normalized;
    private readonly LabelMemo<(int Table, int Anchor)[]> _anchors;

    public RecognitionCaches(int capacity = LabelMemo.DefaultCapacity)
    {
        _normalized = new(LabelText.Normalize, capacity);
        _anchors = new(AnchorsOf, capacity);
        Tables = [.. TableTemplate.All.Select(t => new TableMatching(t, capacity))];
    }

    /// <summary>Each table's matching, in the order of <see cref="TableTemplate.All"/> (an array: looped over per table block).</summary>
    public TableMatching[] Tables { get; }

    /// <summary>How many labels every memo holds together (for tests).</summary>
    internal int Count => _normalized.Count + _anchors.Count + Tables.Sum(static t => t.Count);

    /// <summary><see cref="LabelText.Normalize"/>, remembered: every cell is normalised several times over.</summary>
    public string Normalize(string text) => text.Length == 0 ? text : _normalized[text];

    /// <summary>The anchors (<see cref="TableTemplate.Anchors"/>) a normalised label holds, as (table, anchor) indexes.</summary>
    public (int Table, int Anchor)[] AnchorsIn(string label) => _anchors[label];

    private static (int Table, int Anchor)[] AnchorsOf(string label)
    {
        var found = new List<(int, int)>();
        for (var t = 0; t < TableTemplate.All.Count; t++)
        {
            var anchors = TableTemplate.All[t].Anchors;
            for (var a = 0; a < anchors.Count; a++)
            {
                if (label.Contains(anchors[a], StringComparison.Ordinal))
                {
                    found.Add((t, a));
                }
            }
        }

        return [.. found];
    }
}

/// <summary>A table template's label matching, remembered (see <see cref="RecognitionCaches"/>).</summary>
internal sealed class TableMatching
{
    private readonly LabelMemo<bool> _isDistinctive;
    private readonly LabelMemo<bool> _isColumnLabel;
    private readonly LabelMemo<RowTemplate[]> _bestRows;

    public TableMatching(TableTemplate template, int capacity)
    {
        Template = template;
        _isDistinctive = new(template.IsDistinctive, capacity);
        _isColumnLabel = new(template.IsColumnLabel, capacity);
        _bestRows = new(template.BestRows, capacity);
    }

    public TableTemplate Template { get; }

    internal int Count => _isDistinctive.Count + _isColumnLabel.Count + _bestRows.Count;

    /// <inheritdoc cref="TableTemplate.IsDistinctive"/>
    public bool IsDistinctive(string label) => _isDistinctive[label];

    /// <inheritdoc cref="TableTemplate.IsColumnLabel"/>
    public bool IsColumnLabel(string label) => _isColumnLabel[label];

    /// <inheritdoc cref="TableTemplate.BestRows"/>
    public IReadOnlyList<RowTemplate> BestRows(string label) => _bestRows[label];
}
