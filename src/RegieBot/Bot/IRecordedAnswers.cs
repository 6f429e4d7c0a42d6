namespace RegieBot.Bot;

/// <summary>
/// Answers in a casus's thread that may name the casus: recorded with it before they are posted, so that its erasure
/// replaces them. Nothing is posted once the casus is gone.
/// </summary>
internal interface IRecordedAnswers
{
    /// <summary>Posts <paramref name="text"/> in the kaart's thread once per <paramref name="postId"/>.</summary>
    Task<string?> PostRecordedTextAsync(string kaartId, string postId, string text, CancellationToken cancellationToken);
}
