using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace SecureBase.Web.Features.Insights;

/// <summary>
/// A small hand-written SVG plot: a value axis with round ticks, a day axis, bars, lines, dots and reference lines.
/// Hand-written rather than a charting package because the four charts need little, the output stays a few
/// kilobytes of plain vector markup that prints sharply and scales on a phone, it carries its own accessible
/// title and description, and nothing native (no Skia, no fonts) has to ship with a self-hosted app.
/// Coordinates are in a fixed viewBox; the SVG scales to its container's width.
/// </summary>
internal sealed class SvgPlot
{
    public const double Width = 640;
    public const double Height = 260;
    private const double Left = 48, Right = 12, Top = 14, Bottom = 40;
    private readonly StringBuilder _body = new();
    private readonly int _slots;
    private readonly double _yMax;

    /// <param name="slots">Days on the horizontal axis (each day is one slot).</param>
    /// <param name="yMax">Largest value drawn; the axis is rounded up to a tick.</param>
    public SvgPlot(int slots, double yMax)
    {
        _slots = Math.Max(1, slots);
        var step = NiceStep(Math.Max(yMax, 1e-9) / 4);
        _yMax = Math.Max(step, Math.Ceiling(yMax / step) * step);
        YStep = step;
    }

    public double YStep { get; }

    private static double PlotWidth => Width - Left - Right;
    private static double PlotHeight => Height - Top - Bottom;

    public double SlotWidth => PlotWidth / _slots;

    /// <summary>X of the middle of a slot, or of a fractional slot position (e.g. 2.5 = the middle of the third day).</summary>
    public double X(double slot) => Left + (slot * SlotWidth);

    public double SlotCenter(int slot) => X(slot + 0.5);

    public double Y(double value) => Top + PlotHeight - (Math.Clamp(value, 0, _yMax) / _yMax * PlotHeight);

    /// <summary>Horizontal grid lines with value labels (formatted by <paramref name="label"/>) and the axis name.</summary>
    public void ValueAxis(string name, Func<double, string> label)
    {
        for (var v = 0.0; v <= _yMax + (YStep / 2); v += YStep)
        {
            var y = Y(v);
            _body.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/>");
            _body.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{E(label(v))}</text>");
        }
        _body.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-name\" x=\"{F(Left)}\" y=\"{F(Top - 4)}\">{E(name)}</text>");
    }

    /// <summary>Day labels under the slots, thinned so they never overlap (about 8 at most).</summary>
    public void DayAxis(IReadOnlyList<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var every = Math.Max(1, (int)Math.Ceiling(days.Count / 8.0));
        for (var i = 0; i < days.Count; i += every)
        {
            var text = days.Count <= 8 ? days[i].ToString("ddd d", CultureInfo.InvariantCulture) : days[i].ToString("d MMM", CultureInfo.InvariantCulture);
            _body.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(SlotCenter(i))}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"middle\">{E(text)}</text>");
        }
        _body.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(Y(0))}\" y2=\"{F(Y(0))}\"/>");
    }

    /// <summary>A bar from <paramref name="from"/> to <paramref name="to"/> (values) in a slot; <paramref name="css"/> picks its fill.</summary>
    public void Bar(int slot, double from, double to, string css)
    {
        if (to <= from) return;
        var w = Math.Max(1, SlotWidth * 0.7);
        var x = SlotCenter(slot) - (w / 2);
        _body.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{F(x)}\" y=\"{F(Y(to))}\" width=\"{F(w)}\" height=\"{F(Y(from) - Y(to))}\"/>");
    }

    /// <summary>A line through the points, broken where a value is missing; <paramref name="css"/> picks stroke and dash.</summary>
    public void Line(IReadOnlyList<double?> values, string css, string marker)
    {
        ArgumentNullException.ThrowIfNull(values);
        var run = new List<(double X, double Y)>();
        void Flush()
        {
            if (run.Count > 1)
                _body.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{css}\" fill=\"none\" points=\"{string.Join(' ', run.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"/>");
            run.Clear();
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v)
            {
                Flush();
                continue;
            }
            var point = (SlotCenter(i), Y(v));
            run.Add(point);
            Marker(point.Item1, point.Item2, css, marker);
        }
        Flush();
    }

    /// <summary>A marker: "circle", "square" or "diamond", so series differ in shape as well as colour (and in print).</summary>
    public void Marker(double x, double y, string css, string shape)
    {
        switch (shape)
        {
            case "square":
                _body.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css} dot\" x=\"{F(x - 3.5)}\" y=\"{F(y - 3.5)}\" width=\"7\" height=\"7\"/>");
                break;
            case "diamond":
                _body.Append(CultureInfo.InvariantCulture, $"<path class=\"{css} dot\" d=\"M{F(x)} {F(y - 5)}L{F(x + 5)} {F(y)}L{F(x)} {F(y + 5)}L{F(x - 5)} {F(y)}Z\"/>");
                break;
            default:
                _body.Append(CultureInfo.InvariantCulture, $"<circle class=\"{css} dot\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"3.5\"/>");
                break;
        }
    }

    /// <summary>A dashed reference line across the plot at a value, labelled at its right end.</summary>
    public void Reference(double value, string label)
    {
        var y = Y(value);
        _body.Append(CultureInfo.InvariantCulture, $"<line class=\"reference\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/>");
        _body.Append(CultureInfo.InvariantCulture, $"<text class=\"reference-label\" x=\"{F(Width - Right - 2)}\" y=\"{F(y - 4)}\" text-anchor=\"end\">{E(label)}</text>");
    }

    /// <summary>The finished SVG with its accessible name (<c>title</c>) and description (<c>desc</c>).</summary>
    public string ToSvg(string id, string title, string description) =>
        $"<svg class=\"chart\" id=\"{E(id)}\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" xmlns=\"http://www.w3.org/2000/svg\">" +
        $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>{_body}</svg>";

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    internal static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (m * power >= rough) return m * power;
        }
        return 10 * power;
    }

    private static string F(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
