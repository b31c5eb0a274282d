using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Parsing.Model;

namespace Disclosure.Parsing.Batch;

/// <summary>
/// The worker protocol's JSON: a request is a file path as a JSON string on one line, a response the whole
/// <see cref="AuditResult"/> (report, prose and headings included) on one line. Not the contract's JSON: it is lossless,
/// so a result read in a worker is the result read in process.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(AuditResult))]
[JsonSerializable(typeof(string))]
internal sealed partial class WorkerJson : JsonSerializerContext
{
    /// <summary>Unescaped Chinese, so a response is as short as its text.</summary>
    public static WorkerJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        IgnoreReadOnlyProperties = true,
    });
}
