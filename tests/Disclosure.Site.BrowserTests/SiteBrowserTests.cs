using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Disclosure.Site.BrowserTests;

/// <summary>
/// The site 'disclosure report' writes, opened in headless Chromium: the repository's test documents, two years of one
/// agency and a hostile document. Chromium is the system's (see <see cref="Chromium"/>); where it is missing every
/// test fails, saying how to install it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SiteBrowserTests
{
    /// <summary>A script in the document's text, in its markup, and in its file name: none of it may run.</summary>
    private const string HostileCell = "&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=\"window.__pwned=2\"&gt;";

    private const string HostileName = "hostile\"><img src=x onerror=window.__pwned=3>.html";

    private static readonly string Root = FindRoot();

    private string _work = null!;
    private string _site = null!;
    private Dictionary<string, JsonObject> _results = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    /// <summary>Where CI keeps output: <c>DISCLOSURE_ARTIFACTS</c>, else <c>artifacts/browser</c> in the repository.</summary>
    private static string Artifacts => Environment.GetEnvironmentVariable("DISCLOSURE_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(Root, "artifacts", "browser");

    /// <summary>
    /// The Chromium to drive: <c>DISCLOSURE_CHROMIUM</c>, else the system's (<c>/usr/bin/chromium</c>, Debian's package).
    /// </summary>
    private static string Chromium()
    {
        string[] candidates = [Environment.GetEnvironmentVariable("DISCLOSURE_CHROMIUM") ?? string.Empty, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
        return candidates.FirstOrDefault(static c => c.Length > 0 && File.Exists(c))
            ?? throw new InvalidOperationException(
                "no Chromium found: the browser tests need one. Install it (Debian/Ubuntu: apt-get install -y chromium) or set " +
                "DISCLOSURE_CHROMIUM to its executable. .ci/run installs it.");
    }

    [OneTimeSetUp]
    public async Task WriteTheSiteAndStartTheBrowser()
    {
        var chromium = Chromium();
        _work = Path.Combine(Path.GetTempPath(), "disclosure-browser-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(_work, "input");
        Copy(Path.Combine(Root, "testdata"), input);

        // Two years of one agency (the later one with its year changed), for the years side by side.
        var html = File.ReadAllText(Path.Combine(Root, "testdata", "html", "plain.html"));
        File.WriteAllText(Path.Combine(input, "plain_next_year.html"), html.Replace("2023", "2024", StringComparison.Ordinal));

        // A document whose cell prints a script, whose markup carries one, and whose file name is one.
        var broken = File.ReadAllText(Path.Combine(Root, "testdata", "html", "broken_totals.html"));
        broken = broken.Replace("<td>268</td>", $"<td>{HostileCell}</td>", StringComparison.Ordinal)
            .Replace("<body>", "<body><script>window.__pwned=9</script>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(input, HostileName), broken);

        _site = Path.Combine(_work, "site");
        Run("report", input, "-o", _site);
        _results = Run("audit", input, "--format", "jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(static l => JsonNode.Parse(l)!.AsObject())
            .Where(static o => !o.ContainsKey("crossYear"))
            .ToDictionary(static o => Path.GetFileName((string)o["file"]!), static o => o);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    [OneTimeTearDown]
    public async Task StopTheBrowser()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_work is not null && Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    public async Task OnEveryPageTheMarkedCellsAreTheCellsTheFindingsName()
    {
        var pages = Directory.GetFiles(Path.Combine(_site, "documents"), "*.html");
        pages.Should().HaveCount(_results.Count);
        var checkedAny = 0;
        foreach (var (file, result) in _results)
        {
            var page = await Open(PageOf(file));
            var marked = await page.Locator("td.cell.marked").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.key)");
            var named = result["findings"]!.AsArray().SelectMany(static f => f!["cells"]!.AsArray().Select(static c => (string)c!)).Distinct().ToList();
            marked.Should().BeEquivalentTo(named, file);
            checkedAny += named.Count > 0 ? 1 : 0;
            await page.CloseAsync();
        }

        checkedAny.Should().BeGreaterThan(3, "several documents have findings");
    }

    [Test]
    public async Task ClickingAFindingHighlightsItsCells()
    {
        foreach (var file in new[] { "broken_totals.html", "vertical_label_defects.pdf" })
        {
            var page = await Open(PageOf(file));
            var findings = _results[file]["findings"]!.AsArray();
            for (var i = 0; i < findings.Count; i++)
            {
                await page.Locator($"#f{i + 1}").ClickAsync();
                var cells = findings[i]!["cells"]!.AsArray().Select(static c => (string)c!).ToList();
                var lit = await page.Locator("td.cell.hl").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.key)");
                lit.Should().BeEquivalentTo(cells, $"{file}, finding {i + 1}");
                (await page.Locator($"#f{i + 1}").GetAttributeAsync("class")).Should().Contain("active");
                if (file.EndsWith(".pdf", StringComparison.Ordinal))
                {
                    // The page view outlines the same cells, highlighted too.
                    var outlined = await page.Locator("svg rect.fcell.hl").EvaluateAllAsync<string[]>("rects => rects.map(r => r.dataset.key)");
                    outlined.Should().BeEquivalentTo(cells, $"{file}, finding {i + 1}, page view");
                }
            }

            await page.CloseAsync();
        }
    }

    [Test]
    public async Task TheOverviewSortsByARatioAndFilters()
    {
        var page = await Open(Path.Combine(_site, "index.html"));
        var rows = page.Locator("#documents tbody tr");
        (await rows.CountAsync()).Should().Be(_results.Count);
        var heading = page.Locator("#documents th[data-metric=disclosureRate]");
        var column = await heading.EvaluateAsync<int>("th => th.cellIndex");

        async Task<List<double?>> Values() =>
            (await page.Locator("#documents tbody tr").EvaluateAllAsync<string[]>($"rows => rows.map(r => r.cells[{column}].dataset.sort)"))
            .Select(static s => s.Length == 0 ? (double?)null : double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        await heading.ClickAsync();
        var ascending = await Values();
        ascending.Where(static v => v is not null).Should().BeInAscendingOrder().And.HaveCountGreaterThan(3);
        ascending.SkipWhile(static v => v is not null).Should().OnlyContain(static v => v == null, "blanks go last");
        (await heading.GetAttributeAsync("aria-sort")).Should().Be("ascending");

        await heading.ClickAsync();
        (await Values()).Where(static v => v is not null).Should().BeInDescendingOrder();

        await page.Locator("#filter").FillAsync("pdf");
        var visible = await page.Locator("#documents tbody tr:not([hidden])").AllTextContentsAsync();
        visible.Should().NotBeEmpty().And.OnlyContain(static r => r.Contains("pdf", StringComparison.OrdinalIgnoreCase));
        (await page.Locator("#documents tbody tr[hidden]").CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("#shown").TextContentAsync()).Should().Be(visible.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Two years of one agency stand side by side, linked.
        (await page.Locator("#years + div section.agency th a").AllTextContentsAsync()).Should().Contain(["2023", "2024"]);
    }

    [Test]
    public async Task AHostileDocumentsScriptDoesNotRun()
    {
        foreach (var url in new[] { PageOf(HostileName), Path.Combine(_site, "index.html") })
        {
            var page = await _browser.NewPageAsync();
            var dialogs = 0;
            page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
            await page.GotoAsync(new Uri(url).AbsoluteUri);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).Should().BeTrue(url);
            dialogs.Should().Be(0);
            (await page.Locator("img").CountAsync()).Should().Be(0, "the document's <img> is text, not an element");
            await page.CloseAsync();
        }

        var hostile = await Open(PageOf(HostileName));
        (await hostile.Locator("td[data-key='active.regulations.issued'] .t").TextContentAsync()).Should().Contain("<script>window.__pwned=1</script>");

        // The page's own script still runs: a finding clicked lights its cells.
        await hostile.Locator("#f1").ClickAsync();
        (await hostile.Locator("td.cell.hl").CountAsync()).Should().BeGreaterThan(0);
    }

    [Test]
    public async Task PagesFetchNothing()
    {
        foreach (var url in Directory.GetFiles(Path.Combine(_site, "documents"), "*.html").Append(Path.Combine(_site, "index.html")))
        {
            var page = await _browser.NewPageAsync();
            var requests = new List<string>();
            page.Request += (_, r) => requests.Add(r.Url);
            await page.GotoAsync(new Uri(url).AbsoluteUri);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            requests.Should().OnlyContain(r => r.StartsWith("file://", StringComparison.Ordinal), url);
            await page.CloseAsync();
        }
    }

    /// <summary>Screenshots for CI's output (and the README's images: see README, The HTML report).</summary>
    [Test]
    public async Task WritesScreenshotsOfADocumentPageAndTheOverview()
    {
        Directory.CreateDirectory(Artifacts);
        var document = await Open(PageOf("vertical_label_defects.pdf"), width: 1400, height: 1300);
        await document.Locator("#f2").ClickAsync();
        await document.EvaluateAsync("() => window.scrollTo(0, 0)");
        var documentShot = Path.Combine(Artifacts, "site-document.png");
        await document.ScreenshotAsync(new PageScreenshotOptions { Path = documentShot });
        await document.Locator("svg.page").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Artifacts, "site-pdf-page.png") });

        var index = await Open(Path.Combine(_site, "index.html"), width: 1400);
        await index.Locator("#documents th[data-metric=disclosureRate]").ClickAsync();
        var overviewShot = Path.Combine(Artifacts, "site-overview.png");
        await index.ScreenshotAsync(new PageScreenshotOptions { Path = overviewShot, FullPage = false });

        new FileInfo(documentShot).Length.Should().BeGreaterThan(10_000);
        new FileInfo(overviewShot).Length.Should().BeGreaterThan(10_000);
        TestContext.Progress.WriteLine($"screenshots: {documentShot}, {overviewShot}");
    }

    private async Task<IPage> Open(string path, int width = 1280, int height = 1000)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return page;
    }

    private string PageOf(string file)
    {
        var name = Path.GetFileName((string)_results[file]["file"]!);
        var safe = string.Concat(name.Select(static c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Directory.GetFiles(Path.Combine(_site, "documents"), "*.html").Single(p => Path.GetFileName(p)[5..] == safe + ".html");
    }

    /// <summary>The command line, as users run it (<c>dotnet disclosure.dll …</c>); its standard output.</summary>
    private static string Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "disclosure.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().BeOneOf([0, 1, 2], stderr.Result);
        return stdout;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(static f => !f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Disclosure.Parsing.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Disclosure.Parsing.sln)");
    }
}
