using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Disclosure.Parsing;
using Disclosure.Parsing.Model;

if (args is ["glance-cost", var crawl, ..])
{
    // CPU time rather than wall time: the build machine is shared, and a busy neighbour stretches wall time only.
    GlanceCost.Run(crawl, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(args);

/// <summary>Parse + recognise + audit of one report held in memory, per reader.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReaderBenchmarks
{
    private byte[] _html = [];
    private byte[] _text = [];
    private byte[] _docx = [];
    private byte[] _pdf = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Disclosure.Parsing.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        _html = File.ReadAllBytes(Path.Combine(root, "testdata", "html", "site_chrome_gb2312.html"));
        _text = File.ReadAllBytes(Path.Combine(root, "testdata", "text", "cell_per_line.txt"));
        _docx = File.ReadAllBytes(Path.Combine(root, "testdata", "docx", "every_feature.docx"));
        _pdf = File.ReadAllBytes(Path.Combine(root, "testdata", "pdf", "ruled_three_pages_repeated_header.pdf"));
    }

    [Benchmark]
    public AuditResult Html() => DisclosurePipeline.Default.Audit(_html, "report.html");

    [Benchmark]
    public AuditResult Text() => DisclosurePipeline.Default.Audit(_text, "report.txt");

    [Benchmark]
    public AuditResult Docx() => DisclosurePipeline.Default.Audit(_docx, "report.docx");

    [Benchmark]
    public AuditResult Pdf() => DisclosurePipeline.Default.Audit(_pdf, "report.pdf");
}
