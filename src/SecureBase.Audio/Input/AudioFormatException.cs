namespace SecureBase.Audio.Input;

/// <summary>
/// Audio input that cannot be read: a malformed or truncated file, an unsupported encoding, a missing decoder.
/// The message says what is wrong in plain words; nothing has been changed when it is thrown.
/// </summary>
public class AudioFormatException : Exception
{
    /// <summary>Creates an exception with a plain-language message.</summary>
    public AudioFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a plain-language message and the underlying cause.</summary>
    public AudioFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public AudioFormatException() : base("The audio could not be read.")
    {
    }
}
