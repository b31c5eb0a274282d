using System.Text;
using Disclosure.Parsing.Layout;

namespace Disclosure.Parsing.Output;

/// <summary>A plain listing of a <see cref="LayoutDocument"/>, block by block and cell by cell, for diagnosis.</summary>
public static class LayoutText
{
    /// <summary>One line per paragraph; per table, one line per cell origin with its grid position and spans.</summary>
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
                        sb.Append("  r").Append(c.Row).Append(" c").Append(c.Column);
                        if (c.RowSpan > 1 || c.ColumnSpan > 1)
                        {
                            sb.Append(" span ").Append(c.RowSpan).Append('x').Append(c.ColumnSpan);
                        }

                        sb.Append(": ").Append(c.Text.Replace("\n", " / ")).Append('\n');
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
