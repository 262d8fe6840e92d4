using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Model;

/// <summary>
/// The trainable form of <see cref="CryPatchModel"/>: inputs → ReLU hidden layer → logistic output, with gradient
/// accumulation over a minibatch and Adam updates (β1 0.9, β2 0.999). Training only.
/// </summary>
internal sealed class Network
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private readonly int _inputs;
    private readonly int _hidden;
    private readonly float[][] _parameters;
    private readonly float[][] _gradients;
    private readonly float[][] _m;
    private readonly float[][] _v;
    private readonly float[] _activations;
    private int _step;

    /// <summary>He-initialised weights (normal, σ = √(2 / fan-in)), zero biases.</summary>
    public Network(int inputs, int hidden, Random random)
    {
        _inputs = inputs;
        _hidden = hidden;
        _parameters = [new float[hidden * inputs], new float[hidden], new float[hidden], new float[1]];
        Fill(_parameters[0], random, Math.Sqrt(2.0 / inputs));
        Fill(_parameters[2], random, Math.Sqrt(1.0 / hidden));
        _gradients = [.. _parameters.Select(p => new float[p.Length])];
        _m = [.. _parameters.Select(p => new float[p.Length])];
        _v = [.. _parameters.Select(p => new float[p.Length])];
        _activations = new float[hidden];
    }

    private Network(Network other)
    {
        _inputs = other._inputs;
        _hidden = other._hidden;
        _parameters = [.. other._parameters.Select(p => (float[])p.Clone())];
        _gradients = [.. _parameters.Select(p => new float[p.Length])];
        _m = [.. _parameters.Select(p => new float[p.Length])];
        _v = [.. _parameters.Select(p => new float[p.Length])];
        _activations = new float[_hidden];
    }

    private float[] W1 => _parameters[0];

    private float[] B1 => _parameters[1];

    private float[] W2 => _parameters[2];

    /// <summary>A copy of the weights (for keeping the best epoch).</summary>
    public Network Clone() => new(this);

    /// <summary>Probability for an (already scaled) input; fills the hidden activations.</summary>
    public float Forward(ReadOnlySpan<float> x)
    {
        float output = _parameters[3][0];
        for (int h = 0; h < _hidden; h++)
        {
            float a = IntegerDecimator.Dot(W1.AsSpan(h * _inputs, _inputs), x) + B1[h];
            _activations[h] = a > 0 ? a : 0;
            output += W2[h] * _activations[h];
        }

        return 1f / (1f + MathF.Exp(-output));
    }

    /// <summary>Adds the gradient of the weighted logistic loss for one example; returns its loss.</summary>
    public double Accumulate(ReadOnlySpan<float> x, float label, float weight)
    {
        float p = Forward(x);
        float d = (p - label) * weight;
        _gradients[3][0] += d;
        for (int h = 0; h < _hidden; h++)
        {
            _gradients[2][h] += d * _activations[h];
            if (_activations[h] > 0)
            {
                float dh = d * W2[h];
                _gradients[1][h] += dh;
                PatchConvolution.AddScaled(_gradients[0].AsSpan(h * _inputs, _inputs), x, dh);
            }
        }

        float clamped = Math.Clamp(p, 1e-6f, 1 - 1e-6f);
        return -weight * (label > 0.5f ? Math.Log(clamped) : Math.Log(1 - clamped));
    }

    /// <summary>Clears the accumulated gradients.</summary>
    public void ZeroGradients()
    {
        foreach (float[] g in _gradients)
        {
            Array.Clear(g);
        }
    }

    /// <summary>One Adam step on the mean gradient of <paramref name="batch"/> examples plus L2 on the weights.</summary>
    public void AdamStep(double learningRate, double l2, int batch)
    {
        _step++;
        double correction1 = 1 - Math.Pow(Beta1, _step);
        double correction2 = 1 - Math.Pow(Beta2, _step);
        float rate = (float)(learningRate * Math.Sqrt(correction2) / correction1);
        for (int k = 0; k < _parameters.Length; k++)
        {
            float[] p = _parameters[k], g = _gradients[k], m = _m[k], v = _v[k];
            float decay = k is 0 or 2 ? (float)l2 : 0f;
            float inverse = 1f / batch;
            for (int i = 0; i < p.Length; i++)
            {
                float grad = (g[i] * inverse) + (decay * p[i]);
                m[i] = (float)((Beta1 * m[i]) + ((1 - Beta1) * grad));
                v[i] = (float)((Beta2 * v[i]) + ((1 - Beta2) * grad * grad));
                p[i] -= rate * m[i] / (MathF.Sqrt(v[i]) + (float)Epsilon);
            }
        }
    }

    /// <summary>The inference model for these weights (thresholds and provenance are set by the trainer).</summary>
    public CryPatchModel ToModel(float inputScale, int timePool)
    {
        // The trainer fed scaled inputs; the model scales inside its dot product instead.
        return new CryPatchModel
        {
            Bands = CryPatchTrainer.Bands,
            Frames = _inputs / CryPatchTrainer.Bands * timePool,
            TimePool = timePool,
            LowHz = CryPatchTrainer.LowHz,
            HighHz = CryPatchTrainer.HighHz,
            Hidden = _hidden,
            InputScale = inputScale,
            InputWeights = (float[])W1.Clone(),
            HiddenBias = (float[])B1.Clone(),
            OutputWeights = (float[])W2.Clone(),
            OutputBias = _parameters[3][0],
            Threshold = 0.5f,
        };
    }

    private static void Fill(float[] values, Random random, double sigma)
    {
        for (int i = 0; i < values.Length; i++)
        {
            // Box-Muller from the seeded generator: reproducible across runs.
            double u1 = 1 - random.NextDouble();
            double u2 = random.NextDouble();
            values[i] = (float)(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }
}
