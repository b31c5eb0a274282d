using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Disclosure.Parsing;
using Disclosure.Parsing.Model;
using Disclosure.Parsing.Output;

/// <summary>
/// What a result costs once read: its line of the contract's JSON, and the worker protocol's round trip (a batch reads
/// in worker processes, so every result is written by a worker and read back by the command).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OutputBenchmarks
{
    private AuditResult _result = null!;
    private string _workerLine = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Disclosure.Parsing.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        _result = DisclosurePipeline.Default.Audit(
            File.ReadAllBytes(Path.Combine(root, "testdata", "html", "site_chrome_gb2312.html")), "report.html");
        _workerLine = WorkerLine();
    }

    [Benchmark]
    public string JsonLine() => ReportJson.ToJsonLine(_result);

    [Benchmark]
    public string WorkerLine()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, _result, Disclosure.Parsing.Batch.WorkerJson.Default.AuditResult);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Benchmark]
    public AuditResult? WorkerRead() => JsonSerializer.Deserialize(_workerLine, Disclosure.Parsing.Batch.WorkerJson.Relaxed.AuditResult);
}
