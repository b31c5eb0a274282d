using Disclosure.Parsing;
using Disclosure.Parsing.Model;
using SharpFuzz;

// One input per run, under AFL: the whole pipeline, as the command reads a file. A crash, a hang (AFL's -t) or an
// internal error (thrown here, so AFL records it) is a finding; every other result, "corrupt" included, is fine.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    var result = DisclosurePipeline.Default.Audit(copy.ToArray(), "input");
    if (result.ErrorKind == FailureKind.InternalError)
    {
        throw new InvalidOperationException(result.Error);
    }
});
