using System.Runtime.CompilerServices;

// Frame-level diagnostics are for the engine's own tests and tuning tool only.
[assembly: InternalsVisibleTo("SecureBase.Audio.Tests")]
[assembly: InternalsVisibleTo("SecureBase.Audio.Train")]
