using System.Globalization;

/// <summary>CPU time of a local process from /proc/&lt;pid&gt;/stat (utime + stime), in seconds.</summary>
internal static class ProcessCpu
{
    public static double? Seconds(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat")) return null;
        var text = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0; // USER_HZ is 100 on Linux.
    }
}
