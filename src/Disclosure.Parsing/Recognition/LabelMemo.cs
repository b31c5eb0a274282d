using System.Collections.Concurrent;

namespace Disclosure.Parsing.Recognition;

/// <summary>The bounds of a <see cref="LabelMemo{T}"/>.</summary>
internal static class LabelMemo
{
    /// <summary>
    /// Labels per generation: several times the labels of the three tables and the variants reports print (600 report
    /// pages compute about 1,300 labels in all, and look them up 830,000 times).
    /// </summary>
    public const int DefaultCapacity = 4096;

    /// <summary>The longest label kept: table labels are shorter (the template's longest is 37 characters).</summary>
    public const int DefaultMaxKeyLength = 64;
}

/// <summary>
/// Remembers a pure function of a label. Reports print the same few hundred labels, so in a batch nearly every fuzzy
/// match after the first report is a lookup. Bounded and evicting, in two generations: a label is looked up in the
/// current one, then in the previous one (and brought forward); when the current one has <c>capacity</c> labels it
/// becomes the previous one and the one before is dropped. So labels in use stay, odd text seen once goes, and a
/// long batch holds at most about twice the capacity. Labels longer than <c>maxKeyLength</c> (prose, glued text) are
/// computed and never kept: they seldom repeat, and keeping them would hold whole paragraphs.
/// Safe across threads: a lookup takes no lock, a new label one stripe lock and an interlocked count (a rotation
/// lost to a race only costs a recomputation, as the function is pure).
/// </summary>
internal sealed class LabelMemo<T>(Func<string, T> compute, int capacity = LabelMemo.DefaultCapacity, int maxKeyLength = LabelMemo.DefaultMaxKeyLength)
{
    private Generation _current = new();
    private Generation _previous = new();

    public T this[string label]
    {
        get
        {
            if (label.Length > maxKeyLength)
            {
                return compute(label);
            }

            var current = Volatile.Read(ref _current);
            if (current.Values.TryGetValue(label, out var value))
            {
                return value;
            }

            if (!Volatile.Read(ref _previous).Values.TryGetValue(label, out value))
            {
                value = compute(label);
            }

            Keep(current, label, value);
            return value;
        }
    }

    /// <summary>How many labels are kept, in both generations (for tests: it takes every lock).</summary>
    internal int Count => Volatile.Read(ref _current).Values.Count + Volatile.Read(ref _previous).Values.Count;

    /// <summary>Whether a label is kept (for tests).</summary>
    internal bool Holds(string label) =>
        Volatile.Read(ref _current).Values.ContainsKey(label) || Volatile.Read(ref _previous).Values.ContainsKey(label);

    private void Keep(Generation current, string label, T value)
    {
        if (!current.Values.TryAdd(label, value) || Interlocked.Increment(ref current.Added) != capacity)
        {
            return;
        }

        // Exactly one thread sees the count reach the capacity, and rotates: the full generation becomes the previous one.
        Volatile.Write(ref _previous, current);
        Volatile.Write(ref _current, new Generation());
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, T> Values = new(StringComparer.Ordinal);
        public int Added;
    }
}
