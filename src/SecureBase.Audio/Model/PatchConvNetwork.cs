namespace SecureBase.Audio.Model;

/// <summary>
/// The trainable form of <see cref="PatchConvolution"/>: parameters and Adam state, with per-worker activations and
/// gradients so that a minibatch can be split over threads and summed in a fixed order (deterministic). Training only.
/// </summary>
internal sealed class PatchConvNetwork
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private readonly float[][] _parameters;
    private readonly float[][] _m;
    private readonly float[][] _v;
    private int _step;

    /// <summary>He-initialised kernels (normal, σ = √(2 / fan-in)), small head weights, zero biases.</summary>
    public PatchConvNetwork(int bands, int columns, int channels1, int channels2, Random random)
    {
        Shape = new PatchConvolution.Shape(bands, columns, channels1, channels2);
        _parameters =
        [
            new float[channels1 * 9], new float[channels1],
            new float[channels2 * channels1 * 9], new float[channels2],
            new float[Shape.Features], new float[1],
        ];
        Fill(_parameters[0], random, Math.Sqrt(2.0 / 9));
        Fill(_parameters[2], random, Math.Sqrt(2.0 / (9 * channels1)));
        Fill(_parameters[4], random, Math.Sqrt(1.0 / Shape.Features));
        _m = [.. _parameters.Select(p => new float[p.Length])];
        _v = [.. _parameters.Select(p => new float[p.Length])];
    }

    private PatchConvNetwork(PatchConvNetwork other)
    {
        Shape = other.Shape;
        _parameters = [.. other._parameters.Select(p => (float[])p.Clone())];
        _m = [.. _parameters.Select(p => new float[p.Length])];
        _v = [.. _parameters.Select(p => new float[p.Length])];
    }

    /// <summary>Input and activation sizes.</summary>
    public PatchConvolution.Shape Shape { get; }

    /// <summary>The parameter arrays (conv1 weights, conv1 bias, conv2 weights, conv2 bias, head weights, head bias); tests perturb them.</summary>
    internal float[][] Parameters => _parameters;

    /// <summary>A copy of the weights (for keeping the best epoch).</summary>
    public PatchConvNetwork Clone() => new(this);

    /// <summary>Activations and gradient accumulators for one thread.</summary>
    public Worker NewWorker() => new(this);

    /// <summary>
    /// One Adam step on the mean of the workers' accumulated gradients (summed in worker order) over
    /// <paramref name="batch"/> examples, plus L2 on the weights (not the biases).
    /// </summary>
    public void AdamStep(IReadOnlyList<Worker> workers, double learningRate, double l2, int batch)
    {
        _step++;
        double correction1 = 1 - Math.Pow(Beta1, _step);
        double correction2 = 1 - Math.Pow(Beta2, _step);
        float rate = (float)(learningRate * Math.Sqrt(correction2) / correction1);
        float inverse = 1f / batch;
        for (int k = 0; k < _parameters.Length; k++)
        {
            float[] p = _parameters[k], m = _m[k], v = _v[k];
            float decay = k % 2 == 0 ? (float)l2 : 0f;
            for (int i = 0; i < p.Length; i++)
            {
                float sum = 0;
                foreach (Worker w in workers)
                {
                    sum += w.Gradients[k][i];
                }

                float grad = (sum * inverse) + (decay * p[i]);
                m[i] = (float)((Beta1 * m[i]) + ((1 - Beta1) * grad));
                v[i] = (float)((Beta2 * v[i]) + ((1 - Beta2) * grad * grad));
                p[i] -= rate * m[i] / (MathF.Sqrt(v[i]) + (float)Epsilon);
            }
        }
    }

    /// <summary>The inference form of these weights.</summary>
    public PatchConvolution ToConvolution() => new()
    {
        Channels1 = Shape.C1,
        Channels2 = Shape.C2,
        Conv1Weights = (float[])_parameters[0].Clone(),
        Conv1Bias = (float[])_parameters[1].Clone(),
        Conv2Weights = (float[])_parameters[2].Clone(),
        Conv2Bias = (float[])_parameters[3].Clone(),
        HeadWeights = (float[])_parameters[4].Clone(),
        HeadBias = _parameters[5][0],
    };

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

    /// <summary>One thread's activations (kept from the forward pass for the backward pass) and gradient sums.</summary>
    internal sealed class Worker
    {
        private readonly PatchConvNetwork _net;
        private readonly float[] _a1, _p1, _a2, _p2, _f, _dF, _dP2, _dA2, _dP1, _dA1;

        public Worker(PatchConvNetwork net)
        {
            _net = net;
            PatchConvolution.Shape s = net.Shape;
            _a1 = new float[s.Act1];
            _p1 = new float[s.Pool1];
            _a2 = new float[s.Act2];
            _p2 = new float[s.Pool2];
            _f = new float[s.Features];
            _dF = new float[s.Features];
            _dP2 = new float[s.Pool2];
            _dA2 = new float[s.Act2];
            _dP1 = new float[s.Pool1];
            _dA1 = new float[s.Act1];
            Gradients = [.. net._parameters.Select(p => new float[p.Length])];
        }

        /// <summary>Accumulated gradients, shaped like the parameters.</summary>
        public float[][] Gradients { get; }

        /// <summary>Summed weighted loss since the last <see cref="Zero"/>.</summary>
        public double Loss { get; private set; }

        /// <summary>Clears the gradients and the loss.</summary>
        public void Zero()
        {
            foreach (float[] g in Gradients)
            {
                Array.Clear(g);
            }

            Loss = 0;
        }

        /// <summary>The logit for a band-major, already scaled input.</summary>
        public float Logit(ReadOnlySpan<float> x)
        {
            float[][] p = _net._parameters;
            return PatchConvolution.Forward(_net.Shape, x, _a1, _p1, _a2, _p2, _f, p[0], p[1], p[2], p[3], p[4], p[5][0]);
        }

        /// <summary>Adds the gradient of the weighted logistic loss for one band-major input; returns its loss.</summary>
        public double Accumulate(ReadOnlySpan<float> x, float label, float weight)
        {
            PatchConvolution.Shape s = _net.Shape;
            float[][] p = _net._parameters;
            float logit = Logit(x);
            float prob = 1f / (1f + MathF.Exp(-logit));
            float d = (prob - label) * weight;
            Gradients[5][0] += d;
            PatchConvolution.AddScaled(Gradients[4], _f, d);
            for (int i = 0; i < _dF.Length; i++)
            {
                _dF[i] = d * p[4][i];
            }

            int h2 = s.Bands / 2, w2 = s.Columns / 2;
            PatchConvolution.TimeStatisticsBackward(_p2, s.C2 * (s.Bands / 4), s.Columns / 4, _dF, _dP2);
            PatchConvolution.MaxPoolBackward(_a2, s.C2, h2, w2, _dP2, _dA2);
            PatchConvolution.ConvBackward(_p1, s.C1, h2, w2, p[2], _dA2, s.C2, Gradients[2], Gradients[3], _dP1);
            PatchConvolution.MaxPoolBackward(_a1, s.C1, s.Bands, s.Columns, _dP1, _dA1);
            PatchConvolution.ConvBackward(x, 1, s.Bands, s.Columns, p[0], _dA1, s.C1, Gradients[0], Gradients[1], []);

            // The loss from the logit directly: stable for confident answers, unlike log(p).
            double loss = weight * (Math.Max(logit, 0) - (logit * label) + Math.Log(1 + Math.Exp(-Math.Abs(logit))));
            Loss += loss;
            return loss;
        }
    }
}
