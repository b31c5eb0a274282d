using System.Collections.Concurrent;

namespace Disclosure.Parsing.Recognition;

/// <summary>
/// Remembers a pure function of a normalised label. Reports print the same few hundred labels, so in a batch
/// nearly every fuzzy match after the first report is a lookup. Bounded: past the capacity new labels are
/// computed and not kept, so odd text in a long batch cannot grow it without limit. Safe across threads.
/// </summary>
internal sealed class LabelMemo<T>(Func<string, T> compute, int capacity = 20_000)
{
    private readonly ConcurrentDictionary<string, T> _known = new(StringComparer.Ordinal);

    public T this[string label]
    {
        get
        {
            if (_known.TryGetValue(label, out var value))
            {
                return value;
            }

            value = compute(label);
            if (_known.Count < capacity)
            {
                _known.TryAdd(label, value);
            }

            return value;
        }
    }
}
