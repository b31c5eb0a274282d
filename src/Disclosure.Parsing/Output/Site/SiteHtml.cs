using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Disclosure.Parsing.Output.Site;

/// <summary>
/// What every page of the site shares: escaping, the style sheet, the script and the page frame. Document text is
/// untrusted: it only ever reaches a page through <see cref="Text"/> or <see cref="Attribute"/>, and the content
/// security policy lets no script run but the page's own (by its hash) and nothing be fetched.
/// </summary>
internal static class SiteHtml
{
    /// <summary>Text content, escaped (&lt; &gt; &amp; and both quotes).</summary>
    public static string Text(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);

    /// <summary>An attribute value (always written in double quotes), escaped.</summary>
    public static string Attribute(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);

    /// <summary>A number for SVG and data attributes: invariant, at most two decimals.</summary>
    public static string Number(double d) => Math.Round(d, 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage for reading (<c>59.5%</c>), or an em dash where there is none.</summary>
    public static string Percent(decimal? d) => d is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A sort key for a data attribute: the invariant number, or empty (sorted last).</summary>
    public static string SortKey(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>System fonts that carry Chinese on Windows, macOS and Linux: nothing is fetched.</summary>
    public const string FontStack =
        "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", " +
        "\"WenQuanYi Micro Hei\", \"WenQuanYi Zen Hei\", \"Droid Sans Fallback\", sans-serif";

    public static readonly string Style = """
        :root { --err: #c0262d; --err-bg: #fde8e8; --warn: #a15c00; --warn-bg: #fff3d6; --hl: #1f6feb; --muted: #667; }
        * { box-sizing: border-box; }
        body { font-family: FONTS; margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem; color: #1b1b1f; line-height: 1.45; }
        h1 { font-size: 1.4rem; margin: .2rem 0 .6rem; } h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; } h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
        a { color: #0b57d0; }
        .muted { color: var(--muted); }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
        .layout { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1.5rem; align-items: start; }
        .side { position: sticky; top: .5rem; max-height: 96vh; overflow: auto; }
        table { border-collapse: collapse; font-size: .85rem; }
        th, td { border: 1px solid #999; padding: .2rem .35rem; vertical-align: middle; }
        th { background: #f2f3f5; font-weight: normal; text-align: center; }
        th.row { text-align: left; }
        table.grid td.cell { text-align: right; min-width: 3.2rem; font-variant-numeric: tabular-nums; }
        td.cell .v { display: block; font-size: .7rem; color: var(--muted); }
        td.cell.absent { background: repeating-linear-gradient(45deg, #eee, #eee 4px, #fafafa 4px, #fafafa 8px); color: #888; text-align: center; }
        td.cell.blank { outline: 2px dashed #999; outline-offset: -4px; color: #888; text-align: center; }
        td.cell.marked.error { background-color: var(--err-bg); box-shadow: inset 0 0 0 2px var(--err); }
        td.cell.marked.warning { background-color: var(--warn-bg); box-shadow: inset 0 0 0 2px var(--warn); }
        td.cell.hl, td.cell:target { box-shadow: inset 0 0 0 3px var(--hl); background-color: #dbe8ff; }
        ol.findings { padding-left: 1.4rem; margin: 0; } ol.findings li { margin: .3rem 0; padding: .25rem .4rem; border-radius: 4px; cursor: pointer; }
        ol.findings li.error { border-left: 4px solid var(--err); } ol.findings li.warning { border-left: 4px solid var(--warn); } ol.findings li.note { border-left: 4px solid #999; }
        ol.findings li.active { background: #dbe8ff; }
        .rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: bold; }
        .sev-error { color: var(--err); } .sev-warning { color: var(--warn); }
        ul.sections { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem .8rem; }
        ul.sections li.missing { color: var(--err); text-decoration: line-through; }
        .legend span { display: inline-block; padding: 0 .4rem; margin-right: .5rem; border: 1px solid #999; }
        .legend .l-error { background: var(--err-bg); box-shadow: inset 0 0 0 2px var(--err); } .legend .l-warning { background: var(--warn-bg); box-shadow: inset 0 0 0 2px var(--warn); }
        .legend .l-absent { background: repeating-linear-gradient(45deg, #eee, #eee 4px, #fafafa 4px, #fafafa 8px); } .legend .l-blank { outline: 2px dashed #999; outline-offset: -3px; }
        .pages svg { border: 1px solid #bbb; background: #fff; max-width: 100%; height: auto; margin: .5rem 0; }
        .pages svg text { font-family: FONTS; fill: #222; }
        .pages svg line { stroke: #7a8; stroke-width: .6; }
        .pages svg rect.box { fill: none; stroke: #ccd; stroke-width: .3; }
        .pages svg rect.fcell { fill: rgba(192, 38, 45, .12); stroke: var(--err); stroke-width: 1.6; }
        .pages svg rect.fcell.warning { fill: rgba(161, 92, 0, .12); stroke: var(--warn); }
        .pages svg rect.fcell.hl { stroke: var(--hl); stroke-width: 2.5; }
        .toolbar { margin: .5rem 0; } .toolbar input { font: inherit; padding: .2rem .4rem; width: 22rem; }
        table.sortable th { cursor: pointer; user-select: none; } table.sortable th[aria-sort="ascending"]::after { content: " ▲"; } table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
        table.overview td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.overview tr.unread td { color: var(--muted); }
        .years { display: flex; flex-wrap: wrap; gap: 1rem; }
        .years table td { text-align: right; }
        @media (max-width: 1000px) { .layout { grid-template-columns: 1fr; } .side { position: static; max-height: none; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          .toolbar, .noprint { display: none; }
          .layout { display: block; } .side { position: static; max-height: none; overflow: visible; }
          table { page-break-inside: auto; } tr, svg { page-break-inside: avoid; }
          td.cell.marked, .legend span, ol.findings li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }
        """.Replace("FONTS", FontStack, StringComparison.Ordinal);

    /// <summary>The script of a document page: a finding clicked highlights its cells in the tables and the page view.</summary>
    public const string DocumentScript = """
        document.addEventListener('click', function (e) {
          var li = e.target.closest('ol.findings li[data-cells]');
          if (!li) { return; }
          document.querySelectorAll('.hl').forEach(function (n) { n.classList.remove('hl'); });
          document.querySelectorAll('ol.findings li.active').forEach(function (n) { n.classList.remove('active'); });
          li.classList.add('active');
          var first = null;
          li.getAttribute('data-cells').split(' ').forEach(function (key) {
            if (!key) { return; }
            document.querySelectorAll('[data-key="' + CSS.escape(key) + '"]').forEach(function (n) {
              n.classList.add('hl');
              if (!first && n.tagName === 'TD') { first = n; }
            });
          });
          if (first) { first.scrollIntoView({ block: 'center' }); }
          if (e.target.tagName === 'A') { e.preventDefault(); }
        });
        """;

    /// <summary>The script of the overview: sortable tables (numbers as numbers, blanks last) and a filter box.</summary>
    public const string IndexScript = """
        document.querySelectorAll('table.sortable').forEach(function (table) {
          table.querySelectorAll('thead th').forEach(function (th, col) {
            th.addEventListener('click', function () {
              var asc = th.getAttribute('aria-sort') !== 'ascending';
              table.querySelectorAll('thead th').forEach(function (o) { o.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
              var numeric = th.hasAttribute('data-numeric');
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              function key(row) { var c = row.cells[col]; return c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent.trim(); }
              rows.sort(function (a, b) {
                var x = key(a), y = key(b);
                if (x === '' && y === '') { return 0; } if (x === '') { return 1; } if (y === '') { return -1; }
                var d = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, 'zh-CN');
                return asc ? d : -d;
              });
              rows.forEach(function (r) { body.appendChild(r); });
            });
          });
        });
        var filter = document.getElementById('filter');
        if (filter) {
          filter.addEventListener('input', function () {
            var words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
            var shown = 0;
            document.querySelectorAll('#documents tbody tr').forEach(function (row) {
              var text = row.textContent.toLowerCase();
              var match = words.every(function (w) { return text.indexOf(w) >= 0; });
              row.hidden = !match; if (match) { shown++; }
            });
            document.getElementById('shown').textContent = shown;
          });
        }
        """;

    /// <summary>A whole page: the frame, the style, a policy that runs only <paramref name="script"/> and fetches nothing.</summary>
    public static void Page(StringBuilder html, string title, string body, string script)
    {
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-")
            .Append(hash).Append("'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"disclosure report\">\n")
            .Append("<title>").Append(Text(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append(body)
            .Append("<script>").Append(script).Append("</script>\n</body>\n</html>\n");
    }
}
