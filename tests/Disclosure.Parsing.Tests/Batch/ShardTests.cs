using Disclosure.Parsing.Batch;

namespace Disclosure.Parsing.Tests.Batch;

[TestFixture]
public sealed class ShardTests
{
    private static readonly string[] Paths = [.. Enumerable.Range(0, 2000).Select(static i => $"site{i % 37}/年报/{i:D5}.html")];

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(8)]
    public void PartsAreDisjointAndTogetherAreTheWhole(int count)
    {
        var parts = Enumerable.Range(0, count).Select(k => Paths.Where(p => new Shard(k, count).Contains(p)).ToList()).ToList();

        parts.SelectMany(static p => p).Should().BeEquivalentTo(Paths).And.OnlyHaveUniqueItems();
        parts.Should().OnlyContain(p => p.Count > Paths.Length / count / 2, "a hash spreads the files over the parts");
    }

    [Test]
    public void APathsPartDependsOnlyOnTheRelativePathSpelledWithForwardSlashes()
    {
        Shard.Of("a/b/c.html", 7).Should().Be(Shard.Of("a\\b\\c.html", 7)).And.Be(Shard.Of("/a/b/c.html", 7));

        // Pinned (SHA-256's first 8 bytes, big-endian, mod N, as written in Python in docs/batch.md): a machine on another
        // platform, a newer version of this tool or a script of one's own must put a file in the same part.
        Enumerable.Range(0, 8).Select(static i => Shard.Of($"reports/{i}.pdf", 4)).Should().Equal(3, 0, 3, 3, 3, 1, 2, 1);
        Enumerable.Range(0, 8).Select(static i => Shard.Of($"年报/{i}.pdf", 5)).Should().Equal(1, 0, 1, 3, 1, 0, 1, 4);
    }

    [Test]
    public void ParsesKOfN()
    {
        Shard.Parse("2/4").Should().Be(new Shard(2, 4));
        new Action(() => Shard.Parse("4/4")).Should().Throw<FormatException>().WithMessage("*0 to N-1*");
        new Action(() => Shard.Parse("1")).Should().Throw<FormatException>();
        new Action(() => Shard.Parse("-1/4")).Should().Throw<FormatException>();
    }

    [Test]
    public void EnumeratingADirectoryByShardTakesThePartOfEachRelativePath()
    {
        var root = Path.Combine(Path.GetTempPath(), "shard-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var p in Paths.Take(200))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, p))!);
                File.WriteAllText(Path.Combine(root, p), "x");
            }

            var whole = BatchFiles.Enumerate([root]);
            var parts = Enumerable.Range(0, 3).Select(k => BatchFiles.Enumerate([root], new Shard(k, 3))).ToList();

            whole.Should().HaveCount(200);
            whole.Select(static f => f.RelativePath).Should().BeInAscendingOrder(StringComparer.Ordinal);
            parts.SelectMany(static p => p).Select(static f => f.Path).Should().BeEquivalentTo(whole.Select(static f => f.Path));
            parts[1].Should().OnlyContain(static f => Shard.Of(f.RelativePath, 3) == 1);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
