using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules;

/// <summary>How findings name cells, rows and columns in Chinese, from the catalogue's label paths.</summary>
internal static class CellNames
{
    // The lists the rules walk, read from the catalogue (cells.tsv) so that the template is written down once. Only
    // the catalogue's naming is assumed: a 总计 row or column has the key part "total".
    private const string Total = "total";

    private static readonly CellDefinition[] Requests = [.. CellCatalog.All.Where(static c => c.Table == "requests")];
    private static readonly CellDefinition[] Appeals = [.. CellCatalog.All.Where(static c => c.Table == "appeals")];

    /// <summary>The section 三 columns, in the order the table prints them.</summary>
    public static readonly string[] RequestColumns = [.. Requests.Select(static c => c.Column).Distinct()];

    /// <summary>The section 三 applicant columns that add up to 总计.</summary>
    public static readonly string[] ApplicantColumns = [.. RequestColumns.Where(static c => c != Total)];

    // 三、本年度办理结果: the heading the outcome rows and （七）总计 stand under.
    private static readonly string OutcomeHeading = Requests.First(static c => c.Row == Total).RowPath[0];

    /// <summary>
    /// The 2021 outcome rows （一）…（六）3 that add up to （七）总计: the 2021 rows under the heading （七）总计 stands
    /// under (三、本年度办理结果), in the order the table prints them.
    /// </summary>
    public static readonly string[] OutcomeRows =
    [
        .. Requests
            .Where(static c => c.In("2021") && c.Row != Total && c.RowPath[0] == OutcomeHeading)
            .Select(static c => c.Row)
            .Distinct(),
    ];

    /// <summary>The three （六）其他处理 sub-rows a single （六） row stands in for: the section 三 rows only the 2021 template has.</summary>
    public static readonly string[] OtherSubRows = [.. Requests.Where(static c => c.Template == "2021").Select(static c => c.Row).Distinct()];

    /// <summary>The section 四 blocks and the results that add up to each block's 总计.</summary>
    public static readonly string[] AppealBlocks = [.. Appeals.Select(static c => c.Row).Distinct()];

    /// <summary>The section 四 results that add up to 总计.</summary>
    public static readonly string[] AppealResults = [.. Appeals.Select(static c => c.Column).Where(static c => c != Total).Distinct()];

    /// <summary>The printed name of a section 四 block, its row labels joined: “行政诉讼 未经复议直接起诉”.</summary>
    public static string Block(string block) => string.Join(" ", Appeals.First(c => c.Row == block).RowPath);

    /// <summary>“第三部分 （三）不予公开 1.属于国家秘密 / 科研机构”.</summary>
    public static string Describe(string key)
    {
        var def = CellCatalog.Find(key);
        if (def is null)
        {
            return key;
        }

        return def.Table == "appeals"
            ? $"第{def.Section}部分“{string.Join(" ", def.RowPath)} / {string.Join(" ", def.ColumnPath)}”"
            : $"第{def.Section}部分“{Row(key)}”行“{Column(key)}”列";
    }

    /// <summary>The printed row label of a key (its leaf, with the group for sub-rows).</summary>
    public static string Row(string key)
    {
        var path = CellCatalog.Find(key)?.RowPath ?? [key];
        return path.Count >= 2 && path[^1].Length > 0 && char.IsDigit(path[^1][0]) ? $"{path[^2]}{path[^1]}" : path[^1];
    }

    /// <summary>The printed column label of a key.</summary>
    public static string Column(string key) => CellCatalog.Find(key)?.ColumnPath[^1] ?? key;

    /// <summary>Formats a number for a message: no trailing zeros, no thousands separators.</summary>
    public static string Number(decimal value) => value.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture);
}
