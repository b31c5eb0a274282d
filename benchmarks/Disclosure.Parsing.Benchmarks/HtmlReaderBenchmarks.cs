using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using BenchmarkDotNet.Attributes;
using Disclosure.Parsing.Reading.Html;

/// <summary>
/// The HTML reader over every HTML page of testdata and the shared corpus (decoded once), against what it replaced:
/// AngleSharp's whole parse, and AngleSharp's tokenizer alone (the floor had the reader been built on it), beside the
/// reader's own tokenizer alone. Also a page nested 200,000 divs deep, which took minutes before.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HtmlReaderBenchmarks
{
    private readonly HtmlReader _reader = new();
    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });
    private string[] _pages = [];
    private string _deep = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Disclosure.Parsing.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        // testdata's pages, and the shared corpus's where it is checked out beside the repository.
        var corpus = Path.Combine(root, "..", "shared", "corpus");
        _pages = Directory.GetFiles(Path.Combine(root, "testdata", "html"), "*.html").Order(StringComparer.Ordinal)
            .Concat(Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.html").Order(StringComparer.Ordinal) : [])
            .Select(static f => Decode(File.ReadAllBytes(f))).ToArray();
        _deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "一、总体情况" + string.Concat(Enumerable.Repeat("</div>", 200_000));
    }

    [Benchmark(Baseline = true)]
    public int StreamingReader()
    {
        var blocks = 0;
        foreach (var page in _pages)
        {
            blocks += _reader.Parse(page).Blocks.Count;
        }

        return blocks;
    }

    [Benchmark]
    public int HandWrittenTokenizer()
    {
        var tokens = 0;
        foreach (var page in _pages)
        {
            // The same work as the AngleSharp tokenizer below: tokens, and raw text after script, style and the like.
            var scanner = new HtmlScanner(page, new NameTable());
            while (scanner.Next() is var kind && kind != TokenKind.EndOfFile)
            {
                tokens++;
                if (kind == TokenKind.StartTag)
                {
                    var raw = NameTable.TagOf(scanner.Name) switch
                    {
                        Tag.Script => RawState.ScriptData,
                        Tag.Style => RawState.RawText,
                        Tag.Title or Tag.Textarea => RawState.RcData,
                        _ => RawState.None,
                    };
                    if (raw != RawState.None)
                    {
                        scanner.SwitchTo(raw, scanner.Name);
                    }
                }
            }
        }

        return tokens;
    }

    [Benchmark]
    public int AngleSharpParseDocument()
    {
        var nodes = 0;
        foreach (var page in _pages)
        {
            using var document = _parser.ParseDocument(page);
            nodes += document.Body?.ChildElementCount ?? 0;
        }

        return nodes;
    }

    [Benchmark]
    public int AngleSharpTokenizer()
    {
        var tokens = 0;
        foreach (var page in _pages)
        {
            using var source = new TextSource(page);
            var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver);
            while (true)
            {
                ref var token = ref tokenizer.GetStructToken();
                if (token.Type == HtmlTokenType.EndOfFile)
                {
                    break;
                }

                tokens++;
                if (token.Type == HtmlTokenType.StartTag)
                {
                    var name = token.Name;
                    if (name == "script")
                    {
                        tokenizer.State = HtmlParseMode.Script;
                    }
                    else if (name == "style")
                    {
                        tokenizer.State = HtmlParseMode.Rawtext;
                    }
                    else if (name == "title" || name == "textarea")
                    {
                        tokenizer.State = HtmlParseMode.RCData;
                    }
                }
            }
        }

        return tokens;
    }

    [Benchmark]
    public int Nested200000Divs() => _reader.Parse(_deep).Blocks.Count;

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
