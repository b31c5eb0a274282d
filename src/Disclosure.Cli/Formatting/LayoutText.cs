using System.Text;
using Disclosure.Parsing.Layout;

namespace Disclosure.Cli.Formatting;

/// <summary>A plain listing of a <see cref="LayoutDocument"/>, block by block and cell by cell, for diagnosis.</summary>
internal static class LayoutText
{
    /// <summary>One line per paragraph; per table, one line per cell origin with its grid position (from 1) and spans.</summary>
    public static string Describe(LayoutDocument document)
    {
        var sb = new StringBuilder();
        sb.Append("format ").Append(document.Format).Append(", title ").Append(document.Title ?? "-").Append('\n');
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case LayoutParagraph p:
                    sb.Append("[p] ").Append(p.Location).Append(": ").Append(p.Text.Replace("\n", " / ")).Append('\n');
                    break;
                case LayoutTable t:
                    sb.Append("[table ").Append(t.Index).Append("] ").Append(t.Location).Append(", ").Append(t.RowCount).Append(" rows")
                        .Append(t.IsGridAligned ? string.Empty : ", not grid-aligned").Append('\n');
                    foreach (var c in t.Cells.OrderBy(static c => c.Row).ThenBy(static c => c.Column))
                    {
                        // Numbered from 1, as every location is: "row 4, col 10" here is "row 4, col 10" in the JSON.
                        sb.Append("  row ").Append(c.Row + 1).Append(", col ").Append(c.Column + 1);
                        if (c.RowSpan > 1 || c.ColumnSpan > 1)
                        {
                            sb.Append(", span ").Append(c.RowSpan).Append('x').Append(c.ColumnSpan);
                        }

                        sb.Append(": ").Append(c.Text.Replace("\n", " / ")).Append('\n');
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
