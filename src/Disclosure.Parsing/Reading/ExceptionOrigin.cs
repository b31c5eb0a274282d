using System.Diagnostics;

namespace Disclosure.Parsing.Reading;

/// <summary>
/// Where an exception was thrown: in this library (a defect to fix) or in a parser it calls (the file that parser could
/// not take). The runtime's own plumbing (collections, LINQ, the throw helpers) is looked through, so a key missing from
/// our dictionary is ours and a stream PdfPig could not decode is PdfPig's.
/// </summary>
internal static class ExceptionOrigin
{
    private static readonly string Ours = typeof(ExceptionOrigin).Assembly.GetName().Name!;

    // Libraries whose exceptions speak for the code that called them; the parsers (System.IO.Compression,
    // System.Xml, System.IO.Packaging) are not among them: their exceptions are about the file.
    private static readonly string[] Plumbing =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Linq", "System.Collections", "System.Memory",
        "System.Collections.Concurrent", "System.Text.RegularExpressions", "System.Runtime.InteropServices",
    ];

    /// <summary>True when the innermost frame outside the runtime's plumbing is this library's.</summary>
    public static bool IsOurs(Exception e) => Assembly(e) == Ours;

    /// <summary>The full names of the types on the stack, from where it was thrown outwards, plumbing left out.</summary>
    public static IEnumerable<string> ThrowingTypes(Exception e) =>
        Frames(e).Select(static f => f.Type).OfType<string>();

    private static string? Assembly(Exception e) => Frames(e).Select(static f => f.Assembly).FirstOrDefault();

    private static IEnumerable<(string? Type, string Assembly)> Frames(Exception e)
    {
        foreach (var frame in new StackTrace(e, fNeedFileInfo: false).GetFrames())
        {
            var (type, assembly) = Describe(frame);
            if (assembly is not null && !Plumbing.Contains(assembly))
            {
                yield return (type, assembly);
            }
        }
    }

    private static (string? Type, string? Assembly) Describe(StackFrame frame)
    {
#if NET9_0_OR_GREATER
        // Works where reflection metadata is trimmed away (the native tool) too.
        var method = DiagnosticMethodInfo.Create(frame);
        var assembly = method?.DeclaringAssemblyName;
        return (method?.DeclaringTypeName, assembly is null ? null : new System.Reflection.AssemblyName(assembly).Name);
#else
        var type = frame.GetMethod()?.DeclaringType;
        return (type?.FullName, type?.Assembly.GetName().Name);
#endif
    }
}
