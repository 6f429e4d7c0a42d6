namespace RegieBot.Domain.Kaarten;

/// <summary>
/// All of a kaart's storage in one: for the few callers that need most of it (tests, demo data). Everything else
/// injects the narrower store it uses, so a reader sees which rows a feature touches.
/// </summary>
public interface IKaartStore : IDialogStore, IKaartVersionStore, IKaartIndex, IKaartCommitStore, ICasusRecordStore;
