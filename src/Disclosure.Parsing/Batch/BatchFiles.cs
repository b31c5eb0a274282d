namespace Disclosure.Parsing.Batch;

/// <summary>A document of a batch: its path, and its path relative to the root it was found under (what shards hash).</summary>
/// <param name="Path">The path to read, as found (the root joined with the relative path).</param>
/// <param name="RelativePath">Relative to the directory given; for a file given by itself, the path as given.</param>
public sealed record BatchFile(string Path, string RelativePath);

/// <summary>Lists the documents of a batch: directories searched recursively, in a stable order, optionally one shard of them.</summary>
public static class BatchFiles
{
    /// <summary>The extensions of the documents a directory search keeps (lower case, with the dot).</summary>
    public static IReadOnlySet<string> DocumentExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".docx", ".doc", ".pdf",
    };

    /// <summary>
    /// The documents under <paramref name="roots"/>, in the order given; each directory's documents (searched recursively)
    /// sorted by relative path, ordinally, so every run and every machine lists them alike. A path that is neither a file
    /// nor a directory is listed as it is, so that it gets its own "not found" result. With a <paramref name="shard"/>,
    /// only the files that belong to it.
    /// </summary>
    public static IReadOnlyList<BatchFile> Enumerate(IEnumerable<string> roots, Shard? shard = null)
    {
        var files = new List<BatchFile>();
        foreach (var root in roots)
        {
            if (Directory.Exists(root))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None };
                files.AddRange(Directory.EnumerateFiles(root, "*", options)
                    .Where(static f => DocumentExtensions.Contains(System.IO.Path.GetExtension(f)))
                    .Select(f => new BatchFile(f, System.IO.Path.GetRelativePath(root, f).Replace('\\', '/')))
                    .OrderBy(static f => f.RelativePath, StringComparer.Ordinal));
            }
            else
            {
                files.Add(new BatchFile(root, root.Replace('\\', '/')));
            }
        }

        return shard is { } part ? files.Where(f => part.Contains(f.RelativePath)).ToList() : files;
    }
}
