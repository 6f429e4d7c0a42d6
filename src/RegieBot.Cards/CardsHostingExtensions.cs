using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RegieBot.Cards;

public static class CardsHostingExtensions
{
    public static IHostApplicationBuilder AddRegieCards(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CardTemplates>();
        builder.Services.AddSingleton<WelcomeCard>();
        builder.Services.AddSingleton<HelpCard>();
        builder.Services.AddSingleton<DialogCard>();
        builder.Services.AddSingleton<KaartCard>();
        builder.Services.AddSingleton<ProposalCard>();
        builder.Services.AddSingleton<CloseCard>();
        builder.Services.AddSingleton<DeleteCard>();
        builder.Services.AddSingleton<RemovedCard>();
        builder.Services.AddSingleton<ClientCard>();
        builder.Services.AddSingleton<ExportCards>();
        builder.Services.AddSingleton<EvaluationCard>();
        builder.Services.AddSingleton<MeetingCard>();
        builder.Services.AddSingleton<EscalationCard>();
        builder.Services.AddSingleton<MembershipNoticeCard>();
        builder.Services.AddSingleton<ConfirmationRequestCard>();
        return builder;
    }
}
