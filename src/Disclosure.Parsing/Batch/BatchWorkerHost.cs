using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Disclosure.Parsing.Batch;

/// <summary>
/// The worker side of <see cref="WorkerProcessOptions"/>: a program that calls <see cref="Serve"/> reads one file per
/// request line from standard input and answers each with one result line on standard output, until its input ends.
/// The <c>disclosure</c> command serves it as its hidden <c>worker</c> subcommand.
/// </summary>
public static class BatchWorkerHost
{
    // Deep documents recurse in parsers we do not own; a stack overflow cannot be caught, so give them room.
    private const int StackSize = 64 * 1024 * 1024;

    /// <summary>Serves requests from <paramref name="input"/> until it ends; returns the exit status.</summary>
    public static int Serve(DisclosurePipeline pipeline, Stream input, Stream output)
    {
        var status = 0;
        var thread = new Thread(() => status = Loop(pipeline, input, output), StackSize) { Name = "disclosure worker" };
        thread.Start();
        thread.Join();
        return status;
    }

    private static int Loop(DisclosurePipeline pipeline, Stream input, Stream output)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false));
        // Unescaped Chinese keeps a response as short as its text; the options the context was generated with (no
        // encoder among them) let its fast path write the result.
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var newline = "\n"u8.ToArray();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var file = JsonSerializer.Deserialize(line, WorkerJson.Relaxed.String) ?? string.Empty;
            var result = pipeline.Audit(file);
            JsonSerializer.Serialize(writer, result, WorkerJson.Default.AuditResult);
            writer.Flush();
            writer.Reset();
            output.Write(newline);
            output.Flush();
        }

        return 0;
    }
}
