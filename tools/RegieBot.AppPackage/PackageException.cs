namespace RegieBot.AppPackage;

/// <summary>A problem with the manifest or the settings, told to the administrator as one line.</summary>
internal sealed class PackageException : Exception
{
    public PackageException()
    {
    }

    public PackageException(string message)
        : base(message)
    {
    }

    public PackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
