namespace RegieBot.Storage;

/// <summary>An optimistic-concurrency write that kept losing to other writers within its bounded attempts.</summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
