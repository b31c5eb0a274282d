namespace Disclosure.Parsing.Tests.Robustness;

/// <summary>What makes an error message one a person cannot act on: a raw .NET message standing alone.</summary>
internal static class PlainWords
{
    private static readonly string[] RawPhrases =
    [
        "Exception", "Parameter '", "Object reference", "Index was outside", "Value cannot be null", "Sequence contains",
        "cannot be null", "Specified argument", "Arithmetic operation", "Unable to cast", "The given key",
    ];

    /// <summary>Null when the message says in plain words what is wrong; otherwise what is wrong with it.</summary>
    public static string? Problem(string message)
    {
        // A raw detail may follow in brackets after the plain words; the plain words are what must stand.
        var plain = message.Split(" (detail: ")[0];
        if (RawPhrases.FirstOrDefault(p => plain.Contains(p, StringComparison.Ordinal)) is { } raw)
        {
            return $"its words are a raw .NET message ({raw})";
        }

        return plain.Split(' ').Length < 4 ? "it is too short to say what is wrong" : null;
    }
}
