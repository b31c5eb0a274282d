using System.Text;
using Disclosure.Cli;

// UTF-8 without a BOM on every platform; the CSV format writes its own BOM.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
var status = DisclosureCommand.Run(args, stdout, Console.Error);
stdout.Flush();
return status;
