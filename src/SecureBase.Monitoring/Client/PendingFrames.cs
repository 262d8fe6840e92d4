namespace SecureBase.Monitoring.Client;

/// <summary>
/// Frames sent (or waiting to be sent) that the server has not yet confirmed, oldest first, in reused buffers so a
/// steady stream allocates nothing. Holds at most a fixed number of samples; beyond that the oldest audio is dropped.
/// Not thread-safe: the <see cref="MonitorClient"/> uses it under its send lock.
/// </summary>
internal sealed class PendingFrames(int maxSamples)
{
    private readonly Queue<Frame> _frames = new();
    private readonly Stack<byte[]> _free = new();
    private int _samples;

    public readonly record struct Frame(uint Sequence, byte[] Buffer, int Length)
    {
        public int Samples => (Length - MonitorProtocol.HeaderBytes) / 2;
        public ReadOnlyMemory<byte> Bytes => Buffer.AsMemory(0, Length);
    }

    public int Count => _frames.Count;

    /// <summary>Frames dropped unconfirmed because the buffer was full (the connection was down too long).</summary>
    public long Dropped { get; private set; }

    /// <summary>Encodes a frame into a reused buffer and queues it.</summary>
    public void Add(uint sequence, ReadOnlySpan<short> samples)
    {
        var length = MonitorProtocol.HeaderBytes + (samples.Length * 2);
        var buffer = _free.Count > 0 && _free.Peek().Length >= length ? _free.Pop() : new byte[length];
        MonitorProtocol.WriteFrame(sequence, samples, buffer);
        _frames.Enqueue(new Frame(sequence, buffer, length));
        _samples += samples.Length;
        while (_samples > maxSamples && _frames.Count > 1)
        {
            Release(_frames.Dequeue());
            Dropped++;
        }
    }

    /// <summary>Forgets every frame up to and including <paramref name="sequence"/>: the server kept them.</summary>
    public void Confirm(uint sequence)
    {
        while (_frames.TryPeek(out var oldest) && oldest.Sequence <= sequence) Release(_frames.Dequeue());
    }

    /// <summary>The frames after <paramref name="sequence"/>, oldest first, copied into <paramref name="into"/> (cleared first).</summary>
    public void After(uint sequence, List<Frame> into)
    {
        into.Clear();
        foreach (var frame in _frames)
            if (frame.Sequence > sequence) into.Add(frame);
    }

    private void Release(Frame frame)
    {
        _samples -= frame.Samples;
        // Keep a few spare buffers, enough for a steady stream; more are left to the GC.
        if (_free.Count < 64) _free.Push(frame.Buffer);
    }
}
