namespace SecureBase.Audio.Detection;

/// <summary>Receives the detector's events synchronously, on the thread that calls <see cref="CryDetector.Process"/>.</summary>
public interface ICryEventSink
{
    /// <summary>Called once per event, in stream order. Keep it quick: it runs on the audio path.</summary>
    void OnEvent(in CryEvent e);
}
