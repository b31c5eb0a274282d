using System.Buffers;
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
        // A response is written whole, in one write: a writer over the pipe itself would hand it over a few hundred
        // bytes at a time, a system call and a wake-up of the reader each (tens of thousands in a 200-file batch).
        var response = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(response, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var file = JsonSerializer.Deserialize(line, WorkerJson.Relaxed.String) ?? string.Empty;
            var result = pipeline.Audit(file);
            response.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, result, WorkerJson.Default.AuditResult);
            writer.Flush();
            "\n"u8.CopyTo(response.GetSpan(1));
            response.Advance(1);
            output.Write(response.WrittenSpan);
            output.Flush();
        }

        return 0;
    }
}
