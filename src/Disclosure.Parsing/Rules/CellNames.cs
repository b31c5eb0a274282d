using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Rules;

/// <summary>How findings name cells, rows and columns in Chinese, from the catalogue's label paths.</summary>
internal static class CellNames
{
    /// <summary>The section 三 columns, in the order the table prints them.</summary>
    public static readonly string[] RequestColumns = ["natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total"];

    /// <summary>The section 三 applicant columns that add up to 总计.</summary>
    public static readonly string[] ApplicantColumns = RequestColumns[..^1];

    /// <summary>The 2021 outcome rows （一）…（六）3 that add up to （七）总计.</summary>
    public static readonly string[] OutcomeRows =
    [
        "granted", "partially_granted",
        "denied_state_secret", "denied_prohibited_by_law", "denied_safety_stability", "denied_third_party",
        "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry",
        "unable_not_held", "unable_needs_creation", "unable_unclear",
        "not_processed_complaint", "not_processed_duplicate", "not_processed_publication", "not_processed_excessive",
        "not_processed_reconfirm",
        "other_no_correction", "other_unpaid_fee", "other_other",
    ];

    /// <summary>The three （六）其他处理 sub-rows a single （六） row stands in for.</summary>
    public static readonly string[] OtherSubRows = ["other_no_correction", "other_unpaid_fee", "other_other"];

    /// <summary>The section 四 blocks and the results that add up to each block's 总计.</summary>
    public static readonly string[] AppealBlocks = ["review", "litigation_direct", "litigation_after_review"];

    /// <summary>The section 四 results that add up to 总计.</summary>
    public static readonly string[] AppealResults = ["upheld", "corrected", "other", "pending"];

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
