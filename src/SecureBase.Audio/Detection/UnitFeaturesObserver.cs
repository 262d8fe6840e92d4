namespace SecureBase.Audio.Detection;

/// <summary>Receives a unit's feature vector (see <see cref="CryUnitFeatures"/>); the span is only valid during the call.</summary>
internal delegate void UnitFeaturesObserver(ReadOnlySpan<float> features);
