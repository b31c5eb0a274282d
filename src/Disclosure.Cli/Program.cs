using System.Text;
using Disclosure.Cli;

if (args is ["worker", .. var workerArgs])
{
    // A batch's worker process: requests on standard input, results on standard output, nothing else on either.
    return DisclosureCommand.Worker(workerArgs, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);
}

// Ctrl+C stops a batch between files, its results so far whole; a second Ctrl+C ends the process at once.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!interrupt.IsCancellationRequested)
    {
        e.Cancel = true;
        interrupt.Cancel();
    }
};

// UTF-8 without a BOM on every platform; the CSV format writes its own BOM.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
var status = DisclosureCommand.Run(args, stdout, Console.Error, interactive: !Console.IsErrorRedirected, interrupt.Token);
stdout.Flush();
return status;
