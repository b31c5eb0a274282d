using Disclosure.Parsing.Reading;
using Disclosure.Parsing.Reading.Html;

namespace Disclosure.Parsing.Tests.Reading.Html;

/// <summary>The HTML reader's own text folding must fold exactly as <see cref="CellText.Clean"/>, which the other readers use.</summary>
[TestFixture]
public sealed class HtmlTextTests
{
    [Test]
    public void ItsSpacesAreTheWhitespaceOfDotNetAndTheTwoInvisibleOnes()
    {
        var expected = Enumerable.Range(0, char.MaxValue + 1).Select(static i => (char)i)
            .Where(static c => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF');

        HtmlText.SpaceChars.ToCharArray().Should().BeEquivalentTo(expected);
    }

    [Test]
    public void EveryCharacterFoldsAsCellTextCleanFoldsIt()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var text = $"a{c}{c}b";
            if (HtmlText.Clean(text) != CellText.Clean(text))
            {
                Assert.Fail($"U+{(int)c:X4}: “{HtmlText.Clean(text)}” against “{CellText.Clean(text)}”");
            }
        }
    }

    [Test]
    public void FoldsAsCellTextCleanDoes()
    {
        char[] alphabet = ['a', '中', '1', ' ', '\u00A0', '\u3000', '\u200B', '\uFEFF', '\t', '\n', '\r', '\u2028', '\u0085', '\v'];
        var random = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            HtmlText.Clean(text).Should().Be(CellText.Clean(text), "“{0}”", text.Replace("\n", "\\n").Replace("\r", "\\r"));
        }
    }

    [Test]
    public void Utf8IsValidWhereAStrictDecoderAcceptsIt()
    {
        // Pages are told apart as UTF-8 or GBK by this; it must agree with a decoder that throws on bad bytes.
        var strict = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
        byte[][] crafted =
        [
            [0xE4, 0xB8, 0xAD], [0xD6, 0xD0], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8],
            [0xEF, 0xBB, 0xBF, 0x41], [0xF0, 0x9F, 0x98, 0x80],
        ];
        var random = new Random(5);
        var samples = crafted.Concat(Enumerable.Range(0, 3000).Select(_ =>
        {
            var bytes = new byte[random.Next(1, 12)];
            random.NextBytes(bytes);
            return bytes;
        }));
        foreach (var bytes in samples)
        {
            bool valid;
            try
            {
                strict.GetCharCount(bytes);
                valid = true;
            }
            catch (System.Text.DecoderFallbackException)
            {
                valid = false;
            }

            TextDecoding.IsValidUtf8(bytes).Should().Be(valid, "{0}", Convert.ToHexString(bytes));
        }
    }

    [TestCase("  青山县\n2023年 \r\n 报告  ", "青山县 2023年 报告")]
    [TestCase("\u3000\u00A0", "")]
    public void TitlesAreOneLine(string title, string expected)
    {
        HtmlText.CleanTitle(title).Should().Be(expected);
    }
}
