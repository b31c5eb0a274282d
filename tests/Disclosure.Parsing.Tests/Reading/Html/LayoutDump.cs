using System.Text;
using Disclosure.Parsing.Layout;

namespace Disclosure.Parsing.Tests.Reading.Html;

/// <summary>A layout as text, one line per paragraph and cell, so two layouts compare with a readable difference.</summary>
internal static class LayoutDump
{
    public static string Of(LayoutDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("title: ").Append(Escape(doc.Title ?? "(none)")).Append('\n');
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case LayoutParagraph p:
                    sb.Append(p.Location).Append(": ").Append(Escape(p.Text)).Append('\n');
                    break;
                case LayoutTable t:
                    sb.Append(t.Location).Append(t.IsGridAligned ? " (aligned)" : " (ragged)").Append('\n');
                    foreach (var c in t.Cells)
                    {
                        sb.Append("  ").Append(c.Location).Append($" span {c.RowSpan}x{c.ColumnSpan}: ").Append(Escape(c.Text)).Append('\n');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\n", "⏎");
}
