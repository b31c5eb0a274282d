using System.Collections;

namespace Disclosure.Parsing.Model;

/// <summary>
/// A read-only list that compares by its items, in order: what the model's records hold, so that a record which claims
/// to be a value is one (two audits of one file give equal results) and no caller can change it by casting it back.
/// The items are copied in; nothing outside holds the array.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;
    private int _hash;

    private ValueList(T[] items) => _items = items;

    public static ValueList<T> Empty { get; } = new([]);

    /// <summary>
    /// The items of <paramref name="items"/> in a list no one else holds; a list that is already one is shared as is.
    /// Nested lists of lists are made values by the caller (see <see cref="ValueList.OfLists{T}"/>). Null is taken as
    /// empty: the JSON source generator sets an init-only property missing from the JSON to null.
    /// </summary>
    public static ValueList<T> Of(IEnumerable<T>? items)
    {
        if (items is null)
        {
            return Empty;
        }

        if (items is ValueList<T> value)
        {
            return value;
        }

        var array = items.ToArray();
        return array.Length == 0 ? Empty : new ValueList<T>(array);
    }

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Length != _items.Length || (_hash != 0 && other._hash != 0 && _hash != other._hash))
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        // The items never change, so the hash is worked out once (a benign race: every thread computes the same value).
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (var item in _items)
            {
                hash.Add(item);
            }

            _hash = hash.ToHashCode() is var h && h == 0 ? 1 : h;
        }

        return _hash;
    }

    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

/// <summary>Builds <see cref="ValueList{T}"/>s.</summary>
internal static class ValueList
{
    public static ValueList<T> Of<T>(IEnumerable<T>? items) => ValueList<T>.Of(items);

    /// <summary>A list of lists that compares by value at both levels (null taken as empty).</summary>
    public static ValueList<IReadOnlyList<T>> OfLists<T>(IEnumerable<IReadOnlyList<T>>? lists)
    {
        if (lists is null)
        {
            return ValueList<IReadOnlyList<T>>.Empty;
        }

        return lists is ValueList<IReadOnlyList<T>> value && value.All(static l => l is ValueList<T>)
            ? value
            : ValueList<IReadOnlyList<T>>.Of(lists.Select(static l => (IReadOnlyList<T>)ValueList<T>.Of(l)));
    }
}

/// <summary>
/// A read-only dictionary that compares by its entries (in any order) and enumerates in the order the entries came in
/// (output columns follow it). The entries are copied in; nothing outside holds the dictionary.
/// </summary>
internal sealed class ValueMap<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<ValueMap<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _entries;
    private int _hash;

    private ValueMap(Dictionary<TKey, TValue> entries) => _entries = entries;

    /// <summary>
    /// The entries of <paramref name="entries"/>, compared with <paramref name="comparer"/>; a map that is already one is
    /// shared as is. Null is taken as empty (see <see cref="ValueList{T}.Of"/>).
    /// </summary>
    public static ValueMap<TKey, TValue> Of(IEnumerable<KeyValuePair<TKey, TValue>>? entries, IEqualityComparer<TKey> comparer)
    {
        entries ??= [];
        if (entries is ValueMap<TKey, TValue> value && value._entries.Comparer.Equals(comparer))
        {
            return value;
        }

        var copy = new Dictionary<TKey, TValue>(entries is IReadOnlyCollection<KeyValuePair<TKey, TValue>> c ? c.Count : 0, comparer);
        foreach (var (key, item) in entries)
        {
            copy.Add(key, item);
        }

        return new ValueMap<TKey, TValue>(copy);
    }

    public TValue this[TKey key] => _entries[key];

    public IEnumerable<TKey> Keys => _entries.Keys.Select(static k => k);

    public IEnumerable<TValue> Values => _entries.Values.Select(static v => v);

    public int Count => _entries.Count;

    public bool ContainsKey(TKey key) => _entries.ContainsKey(key);

    public bool TryGetValue(TKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        _entries.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueMap<TKey, TValue>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Count != Count || (_hash != 0 && other._hash != 0 && _hash != other._hash))
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, item) in _entries)
        {
            if (!other._entries.TryGetValue(key, out var theirs) || !comparer.Equals(item, theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueMap<TKey, TValue> other && Equals(other);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            // Order-independent: the sum of each entry's hash.
            var sum = 0;
            foreach (var (key, item) in _entries)
            {
                sum = unchecked(sum + HashCode.Combine(_entries.Comparer.GetHashCode(key), item));
            }

            _hash = sum == 0 ? 1 : sum;
        }

        return _hash;
    }
}
