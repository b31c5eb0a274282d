using System.Text;
using Disclosure.Parsing.Reading;

namespace Disclosure.Parsing.Tests.Reading;

[TestFixture]
public sealed class TextDecodingTests
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    [Test]
    public void TextInTheEncodingsReportsUseIsText()
    {
        const string page = "<html><body>\r\n\t<p>一、总体情况</p>\f本机关 2024 年收到申请 3 件。</body></html>";
        TextDecoding.LooksLikeText(Encoding.UTF8.GetBytes(page)).Should().BeTrue();
        TextDecoding.LooksLikeText(Gbk.GetBytes(page)).Should().BeTrue();
        TextDecoding.LooksLikeText(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(page)).ToArray()).Should().BeTrue();
    }

    [Test]
    public void BinaryIsNot()
    {
        TextDecoding.LooksLikeText([]).Should().BeFalse();
        TextDecoding.LooksLikeText("PK\u0003\u0004 a zip entry"u8).Should().BeFalse("NUL-free, but a zip's header is control bytes");
        TextDecoding.LooksLikeText(Encoding.UTF8.GetBytes("text with one NUL\0 in it")).Should().BeFalse();

        var random = new byte[4096];
        new Random(7).NextBytes(random);
        TextDecoding.LooksLikeText(random).Should().BeFalse();
    }

    [TestCase(1, true)]   // one control byte in 200: a stray one in real text
    [TestCase(3, false)]  // more than one in a hundred: not text
    public void AFewControlBytesAreToleratedManyAreNot(int controls, bool text)
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 200));
        for (var i = 0; i < controls; i++)
        {
            bytes[10 + (i * 50)] = 0x1B;
        }

        TextDecoding.LooksLikeText(bytes).Should().Be(text);
    }
}
