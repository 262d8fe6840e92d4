namespace SecureBase.Audio.Detection;

/// <summary>
/// Receives a unit's feature vector (see <see cref="CryUnitFeatures"/>) with the unit's start and the current stream
/// time, in seconds; the span is only valid during the call.
/// </summary>
internal delegate void UnitFeaturesObserver(ReadOnlySpan<float> features, double unitStartSeconds, double nowSeconds);
