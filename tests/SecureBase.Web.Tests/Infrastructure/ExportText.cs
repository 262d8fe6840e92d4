using System.Text.RegularExpressions;

namespace SecureBase.Web.Tests.Infrastructure;

public static partial class ExportText
{
    /// <summary>An exported document without its export time, the one field allowed to differ between exports.</summary>
    public static string WithoutExportedAt(string export) => ExportedAt().Replace(export, "");

    [GeneratedRegex("\"exportedAt\":\\s*\"[^\"]*\"")]
    private static partial Regex ExportedAt();
}
