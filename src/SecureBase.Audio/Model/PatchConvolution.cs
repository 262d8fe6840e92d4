using System.Numerics;
using System.Runtime.InteropServices;
using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Model;

/// <summary>
/// The convolutional form of the patch verifier (session 8, <see cref="CryPatchModel.Convolution"/>): on the patch
/// (after time pooling and <see cref="CryPatchModel.InputScale"/>) laid out as one channel of bands × columns,
/// a 3 × 3 convolution (bands × time, zero padding) to <see cref="Channels1"/> channels, ReLU, 2 × 2 max pooling;
/// a 3 × 3 convolution to <see cref="Channels2"/> channels, ReLU, 2 × 2 max pooling; then, for every channel and
/// (pooled) band, the maximum and the mean over time; a linear layer over those gives the logit.
/// </summary>
/// <remarks>
/// Why this shape: a cry is a stack of harmonics that rise and fall together. Kernels shared over the whole patch
/// learn such local slopes and spacings once, wherever they fall, instead of one weight per cell as the dense network
/// does (768 inputs, which overfit the training babies within a few epochs). The maximum and mean over time make the
/// answer nearly independent of where in the 0.64 s the pattern sits, while the band axis is kept (coarsely) because
/// pitch range matters. Weights are stored output channel by output channel, then input channel, band offset, time
/// offset (<c>w[((o * cin + i) * 3 + kb) * 3 + kt]</c>); activations are channel by channel, band by band, time
/// contiguous.
/// </remarks>
public sealed class PatchConvolution
{
    /// <summary>Most channels per layer (keeps the scratch and the cost bounded).</summary>
    public const int MaxChannels = 64;

    /// <summary>Channels of the first convolution.</summary>
    public required int Channels1 { get; init; }

    /// <summary>Channels of the second convolution.</summary>
    public required int Channels2 { get; init; }

    /// <summary>First convolution: <see cref="Channels1"/> × 1 × 3 × 3 weights.</summary>
    public required float[] Conv1Weights { get; init; }

    /// <summary>First convolution biases, one per channel.</summary>
    public required float[] Conv1Bias { get; init; }

    /// <summary>Second convolution: <see cref="Channels2"/> × <see cref="Channels1"/> × 3 × 3 weights.</summary>
    public required float[] Conv2Weights { get; init; }

    /// <summary>Second convolution biases, one per channel.</summary>
    public required float[] Conv2Bias { get; init; }

    /// <summary>
    /// Output weights over the features: for channel c and pooled band b, index <c>(c * bands/4 + b) * 2</c> weighs
    /// the maximum over time and the next index the mean.
    /// </summary>
    public required float[] HeadWeights { get; init; }

    /// <summary>Output bias (the logit when every feature is 0).</summary>
    public required float HeadBias { get; init; }

    /// <summary>Features the head reads for an input of <paramref name="bands"/> bands.</summary>
    public int FeatureCount(int bands) => Channels2 * (bands / 4) * 2;

    /// <summary>Floats of scratch <see cref="Logit"/> needs for an input of <paramref name="bands"/> × <paramref name="columns"/>.</summary>
    public int ScratchLength(int bands, int columns)
    {
        var s = new Shape(bands, columns, Channels1, Channels2);
        return s.Input + s.Act1 + s.Pool1 + s.Act2 + s.Pool2 + s.Features;
    }

    /// <summary>Multiply-adds of one forward pass (convolutions and head; pooling and statistics not counted).</summary>
    public long MultiplyAdds(int bands, int columns)
    {
        long cells1 = (long)bands * columns, cells2 = cells1 / 4;
        return (cells1 * Channels1 * 9) + (cells2 * Channels2 * Channels1 * 9) + FeatureCount(bands);
    }

    /// <summary>
    /// The logit for a time-major input (<c>input[t * bands + b]</c>, already pooled), each value multiplied by
    /// <paramref name="scale"/> first. Allocation-free: every intermediate lives in <paramref name="scratch"/>.
    /// </summary>
    public float Logit(ReadOnlySpan<float> input, int bands, int columns, float scale, Span<float> scratch)
    {
        var s = new Shape(bands, columns, Channels1, Channels2);
        Span<float> x = scratch[..s.Input];
        Span<float> a1 = scratch.Slice(s.Input, s.Act1);
        Span<float> p1 = scratch.Slice(s.Input + s.Act1, s.Pool1);
        Span<float> a2 = scratch.Slice(s.Input + s.Act1 + s.Pool1, s.Act2);
        Span<float> p2 = scratch.Slice(s.Input + s.Act1 + s.Pool1 + s.Act2, s.Pool2);
        Span<float> f = scratch.Slice(s.Input + s.Act1 + s.Pool1 + s.Act2 + s.Pool2, s.Features);
        Transpose(input, bands, columns, scale, x);
        return Forward(s, x, a1, p1, a2, p2, f, Conv1Weights, Conv1Bias, Conv2Weights, Conv2Bias, HeadWeights, HeadBias);
    }

    /// <summary>Time-major (<c>t * bands + b</c>) to band-major rows (<c>b * columns + t</c>), scaled.</summary>
    internal static void Transpose(ReadOnlySpan<float> input, int bands, int columns, float scale, Span<float> x)
    {
        for (int t = 0; t < columns; t++)
        {
            for (int b = 0; b < bands; b++)
            {
                x[(b * columns) + t] = input[(t * bands) + b] * scale;
            }
        }
    }

    /// <summary>The whole forward pass on a band-major input; fills every activation (the trainer's backward pass reads them).</summary>
    internal static float Forward(in Shape s, ReadOnlySpan<float> x, Span<float> a1, Span<float> p1, Span<float> a2, Span<float> p2, Span<float> f,
        ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2, ReadOnlySpan<float> head, float headBias)
    {
        ConvForward(x, 1, s.Bands, s.Columns, w1, b1, a1, s.C1);
        Relu(a1);
        MaxPool(a1, s.C1, s.Bands, s.Columns, p1);
        ConvForward(p1, s.C1, s.Bands / 2, s.Columns / 2, w2, b2, a2, s.C2);
        Relu(a2);
        MaxPool(a2, s.C2, s.Bands / 2, s.Columns / 2, p2);
        TimeStatistics(p2, s.C2 * (s.Bands / 4), s.Columns / 4, f);
        return IntegerDecimator.Dot(head, f) + headBias;
    }

    /// <summary>3 × 3 convolution with zero padding: <paramref name="output"/> (cout × h × w) = bias + Σ kernels over <paramref name="input"/> (cin × h × w).</summary>
    internal static void ConvForward(ReadOnlySpan<float> input, int cin, int h, int w, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> output, int cout)
    {
        int plane = h * w;
        for (int o = 0; o < cout; o++)
        {
            Span<float> outPlane = output.Slice(o * plane, plane);
            outPlane.Fill(bias[o]);
            for (int i = 0; i < cin; i++)
            {
                ReadOnlySpan<float> inPlane = input.Slice(i * plane, plane);
                for (int kb = 0; kb < 3; kb++)
                {
                    for (int kt = 0; kt < 3; kt++)
                    {
                        float weight = weights[(((((o * cin) + i) * 3) + kb) * 3) + kt];
                        int t0 = Math.Max(0, 1 - kt), t1 = Math.Min(w, w + 1 - kt), length = t1 - t0;
                        for (int b = Math.Max(0, 1 - kb); b < Math.Min(h, h + 1 - kb); b++)
                        {
                            AddScaled(outPlane.Slice((b * w) + t0, length), inPlane.Slice(((b + kb - 1) * w) + t0 + kt - 1, length), weight);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Backward pass of <see cref="ConvForward"/>: adds the weight and bias gradients for the output gradient
    /// <paramref name="dOutput"/>, and, unless <paramref name="dInput"/> is empty, writes the input gradient.
    /// </summary>
    internal static void ConvBackward(ReadOnlySpan<float> input, int cin, int h, int w, ReadOnlySpan<float> weights, ReadOnlySpan<float> dOutput, int cout,
        Span<float> dWeights, Span<float> dBias, Span<float> dInput)
    {
        int plane = h * w;
        bool wantInput = !dInput.IsEmpty;
        if (wantInput)
        {
            dInput[..(cin * plane)].Clear();
        }

        for (int o = 0; o < cout; o++)
        {
            ReadOnlySpan<float> dPlane = dOutput.Slice(o * plane, plane);
            float sum = 0;
            foreach (float d in dPlane)
            {
                sum += d;
            }

            dBias[o] += sum;
            for (int i = 0; i < cin; i++)
            {
                ReadOnlySpan<float> inPlane = input.Slice(i * plane, plane);
                for (int kb = 0; kb < 3; kb++)
                {
                    for (int kt = 0; kt < 3; kt++)
                    {
                        int k = (((((o * cin) + i) * 3) + kb) * 3) + kt;
                        float weight = weights[k];
                        int t0 = Math.Max(0, 1 - kt), t1 = Math.Min(w, w + 1 - kt), length = t1 - t0;
                        float g = 0;
                        for (int b = Math.Max(0, 1 - kb); b < Math.Min(h, h + 1 - kb); b++)
                        {
                            ReadOnlySpan<float> d = dPlane.Slice((b * w) + t0, length);
                            int from = ((b + kb - 1) * w) + t0 + kt - 1;
                            g += IntegerDecimator.Dot(d, inPlane.Slice(from, length));
                            if (wantInput)
                            {
                                AddScaled(dInput.Slice((i * plane) + from, length), d, weight);
                            }
                        }

                        dWeights[k] += g;
                    }
                }
            }
        }
    }

    /// <summary>Rectifies in place.</summary>
    internal static void Relu(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < 0)
            {
                values[i] = 0;
            }
        }
    }

    /// <summary>2 × 2 max pooling of c planes of h × w (h and w even).</summary>
    internal static void MaxPool(ReadOnlySpan<float> input, int c, int h, int w, Span<float> output)
    {
        int ho = h / 2, wo = w / 2;
        for (int k = 0; k < c; k++)
        {
            for (int b = 0; b < ho; b++)
            {
                ReadOnlySpan<float> r0 = input.Slice((((k * h) + (2 * b)) * w), w);
                ReadOnlySpan<float> r1 = input.Slice((((k * h) + (2 * b) + 1) * w), w);
                Span<float> o = output.Slice(((k * ho) + b) * wo, wo);
                for (int t = 0; t < wo; t++)
                {
                    o[t] = MathF.Max(MathF.Max(r0[2 * t], r0[(2 * t) + 1]), MathF.Max(r1[2 * t], r1[(2 * t) + 1]));
                }
            }
        }
    }

    /// <summary>
    /// Backward pass of <see cref="MaxPool"/>: each pooled gradient goes to the first cell (row by row) holding the
    /// maximum; cells of <paramref name="dInput"/> whose forward value was 0 (rectified) get nothing, which also applies
    /// the preceding ReLU's gradient.
    /// </summary>
    internal static void MaxPoolBackward(ReadOnlySpan<float> input, int c, int h, int w, ReadOnlySpan<float> dOutput, Span<float> dInput)
    {
        int ho = h / 2, wo = w / 2;
        dInput[..(c * h * w)].Clear();
        for (int k = 0; k < c; k++)
        {
            for (int b = 0; b < ho; b++)
            {
                int row0 = ((k * h) + (2 * b)) * w, row1 = row0 + w;
                for (int t = 0; t < wo; t++)
                {
                    int at = row0 + (2 * t);
                    float best = input[at];
                    Better(input, row0 + (2 * t) + 1, ref best, ref at);
                    Better(input, row1 + (2 * t), ref best, ref at);
                    Better(input, row1 + (2 * t) + 1, ref best, ref at);

                    if (best > 0)
                    {
                        dInput[at] += dOutput[(((k * ho) + b) * wo) + t];
                    }
                }
            }
        }
    }

    private static void Better(ReadOnlySpan<float> input, int candidate, ref float best, ref int at)
    {
        if (input[candidate] > best)
        {
            best = input[candidate];
            at = candidate;
        }
    }

    /// <summary>For each of <paramref name="rows"/> rows of <paramref name="w"/> values: the maximum, then the mean.</summary>
    internal static void TimeStatistics(ReadOnlySpan<float> input, int rows, int w, Span<float> features)
    {
        float inverse = 1f / w;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = input.Slice(r * w, w);
            float max = row[0], sum = 0;
            foreach (float v in row)
            {
                max = MathF.Max(max, v);
                sum += v;
            }

            features[2 * r] = max;
            features[(2 * r) + 1] = sum * inverse;
        }
    }

    /// <summary>Backward pass of <see cref="TimeStatistics"/> (the maximum's gradient to its first cell).</summary>
    internal static void TimeStatisticsBackward(ReadOnlySpan<float> input, int rows, int w, ReadOnlySpan<float> dFeatures, Span<float> dInput)
    {
        float inverse = 1f / w;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = input.Slice(r * w, w);
            Span<float> d = dInput.Slice(r * w, w);
            d.Fill(dFeatures[(2 * r) + 1] * inverse);
            int at = 0;
            for (int t = 1; t < w; t++)
            {
                if (row[t] > row[at])
                {
                    at = t;
                }
            }

            d[at] += dFeatures[2 * r];
        }
    }

    /// <summary><paramref name="into"/> += <paramref name="x"/> × <paramref name="scale"/>.</summary>
    internal static void AddScaled(Span<float> into, ReadOnlySpan<float> x, float scale)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && into.Length >= Vector<float>.Count)
        {
            var target = MemoryMarshal.Cast<float, Vector<float>>(into);
            var source = MemoryMarshal.Cast<float, Vector<float>>(x[..into.Length]);
            var s = new Vector<float>(scale);
            for (int v = 0; v < target.Length; v++)
            {
                target[v] = Vector.FusedMultiplyAdd(source[v], s, target[v]);
            }

            i = target.Length * Vector<float>.Count;
        }

        for (; i < into.Length; i++)
        {
            into[i] += x[i] * scale;
        }
    }

    /// <summary>Checks sizes and numbers against an input of <paramref name="bands"/> bands.</summary>
    internal bool IsValid(int bands, int columns)
    {
        bool valid = Channels1 is >= 1 and <= MaxChannels && Channels2 is >= 1 and <= MaxChannels && bands % 4 == 0 && columns % 4 == 0
            && Conv1Weights.Length == Channels1 * 9 && Conv1Bias.Length == Channels1
            && Conv2Weights.Length == Channels2 * Channels1 * 9 && Conv2Bias.Length == Channels2
            && HeadWeights.Length == FeatureCount(bands) && float.IsFinite(HeadBias);
        foreach (float[] values in new[] { Conv1Weights, Conv1Bias, Conv2Weights, Conv2Bias, HeadWeights })
        {
            for (int i = 0; valid && i < values.Length; i++)
            {
                valid = float.IsFinite(values[i]);
            }
        }

        return valid;
    }

    /// <summary>Sizes of every activation for an input of bands × columns.</summary>
    internal readonly record struct Shape(int Bands, int Columns, int C1, int C2)
    {
        public int Input => Bands * Columns;

        public int Act1 => C1 * Bands * Columns;

        public int Pool1 => Act1 / 4;

        public int Act2 => C2 * Bands * Columns / 4;

        public int Pool2 => Act2 / 4;

        public int Features => C2 * (Bands / 4) * 2;
    }
}
