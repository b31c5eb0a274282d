namespace Disclosure.Parsing.Recognition;

/// <summary>Fuzzy matching of normalised labels against the template's labels.</summary>
internal static class LabelMatcher
{
    /// <summary>Below this a label is not taken to be the template's; real typos (只计这一情况) score above.</summary>
    public const double Threshold = 0.75;

    /// <summary>
    /// How well a printed label (normalised) matches a template label (normalised). Beyond edit distance, a
    /// label that contains a long template label (a cell holding parent and child label) or a short form that
    /// starts one (（二）部分公开 for the long official wording) counts as a match.
    /// </summary>
    public static double Score(string printed, string template)
    {
        // Edit distance is at least the length difference: skip it where that alone rules out a match.
        var longer = Math.Max(printed.Length, template.Length);
        var bound = longer == 0 ? 0 : 1.0 - ((double)Math.Abs(printed.Length - template.Length) / longer);
        var score = bound < Threshold && !string.Equals(printed, template, StringComparison.Ordinal) ? 0 : LabelText.Similarity(printed, template);
        if (score >= 1)
        {
            return score;
        }

        if (template.Length >= 4 && printed.Contains(template, StringComparison.Ordinal))
        {
            score = Math.Max(score, 0.8 + (0.1 * template.Length / printed.Length));
        }

        if (printed.Length >= 4 && template.StartsWith(printed, StringComparison.Ordinal))
        {
            score = Math.Max(score, 0.8 + (0.1 * printed.Length / template.Length));
        }

        return score;
    }

    /// <summary>The best-scoring items for <paramref name="printed"/>, all tied at the best score, if it reaches the threshold.</summary>
    public static List<T> Best<T>(string printed, IEnumerable<T> items, Func<T, IEnumerable<string>> labels)
    {
        var best = new List<T>();
        var bestScore = Threshold;
        foreach (var item in items)
        {
            var s = labels(item).Select(l => Score(printed, l)).DefaultIfEmpty(0).Max();
            if (s > bestScore + 1e-9)
            {
                bestScore = s;
                best.Clear();
                best.Add(item);
            }
            else if (s >= bestScore - 1e-9)
            {
                best.Add(item);
            }
        }

        return best;
    }

    public static bool Matches(string printed, string template) => Score(printed, template) >= Threshold;
}
