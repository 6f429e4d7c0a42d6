namespace RegieBot.Domain;

/// <summary>
/// Someone else changed the same thing first (an ETag no longer matched, or a key was taken).
/// Callers re-read and decide; it never reaches a user as an error.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
