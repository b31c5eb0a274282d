using System.Text;
using Disclosure.Parsing.Batch;

namespace Disclosure.Parsing.Tests.Batch;

[TestFixture]
public sealed class ResponseLinesTests
{
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(100_000)]
    public async Task GivesEachLineWholeHoweverTheStreamCutsIt(int chunk)
    {
        var long1 = new string('长', 50_000); // 150,000 bytes of UTF-8: past the first buffer
        var text = "{\"a\":1}\n\n" + long1 + "\r\n中文\n{\"b\":2}\n";
        var lines = new ResponseLines(new Trickle(Encoding.UTF8.GetBytes(text), chunk));

        var read = new List<string>();
        while (await lines.ReadAsync(CancellationToken.None) is { } line)
        {
            read.Add(Encoding.UTF8.GetString(line.Span));
        }

        read.Should().Equal("{\"a\":1}", string.Empty, long1, "中文", "{\"b\":2}");
    }

    [Test]
    public async Task APartLineAtTheEndIsNoLine()
    {
        // A worker that died in the middle of its answer left no answer.
        var lines = new ResponseLines(new Trickle("whole\npart"u8.ToArray(), 3));

        (await lines.ReadAsync(CancellationToken.None)).HasValue.Should().BeTrue();
        (await lines.ReadAsync(CancellationToken.None)).Should().BeNull();
    }

    /// <summary>A stream that gives at most <paramref name="chunk"/> bytes per read, as a pipe may.</summary>
    private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
