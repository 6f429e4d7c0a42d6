namespace RegieBot.Domain.Dialogs;

public enum DialogAction
{
    Next = 0,
    Back = 1,
    Cancel = 2,
    AddProfessional = 3,
    RemoveProfessional = 4,
}
