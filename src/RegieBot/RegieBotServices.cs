using Microsoft.Extensions.DependencyInjection.Extensions;
using RegieBot.Bot;
using RegieBot.Common;
using RegieBot.Closing;
using RegieBot.Dialog;
using RegieBot.Evaluation;
using RegieBot.Kaarten;
using RegieBot.Meetings;
using RegieBot.Membership;
using RegieBot.Outbox;
using RegieBot.Privacy;

namespace RegieBot;

/// <summary>
/// The composition root of the bot: the core (<see cref="Bot"/>), what every feature shares (<see cref="Common"/>,
/// <see cref="Outbox"/>) and the features, which register their own services, typed commands and card verbs. Only
/// this file knows them all; a feature folder never uses another (HostFoldersTests checks it).
/// </summary>
internal static class RegieBotServices
{
    public static IServiceCollection AddRegieBot(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // The core: one activity in, one answer out.
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton(TurnDeadline.Default);
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<TextCommands>();
        services.AddSingleton<CardActionGate>();
        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<CardVerbs>();
        services.AddSingleton<CardSubmitHandler>();
        services.AddSingleton<MemberSearchHandler>();
        services.AddSingleton<ChannelMembers>();
        services.AddSingleton<ServiceUrls>();

        // Shared by the features: finding a casus, its posts and card, its people, its reminders and its erasure.
        services.AddSingleton<ActorNames>();
        services.AddSingleton<KaartPublisher>();
        services.AddSingleton<CasusLocator>();
        services.AddSingleton<CasusMessages>();
        services.AddSingleton<IRecordedAnswers>(sp => sp.GetRequiredService<CasusMessages>());
        services.AddSingleton<CasusEraser>();
        services.AddSingleton<ReminderScheduler>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Domain.Scheduling.IsoPeriod.TryParse(o.RetentionAfterClose, out _), "RegieBot__Privacy__RetentionAfterClose must be an ISO 8601 duration, such as P90D.")
            .ValidateOnStart();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Domain.Scheduling.IsoPeriod.TryParse(o.EvaluationPeriod, out _), "RegieBot__Reminders__EvaluationPeriod must be an ISO 8601 duration, such as P3M or PT20S.")
            .ValidateOnStart();

        // What an operation commits, applied afterwards.
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<IAfterTurn>(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddHostedService<OutboxWorker>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The features.
        services.AddDialogFeature();
        services.AddKaartFeature();
        services.AddClosingFeature();
        services.AddEvaluationFeature();
        services.AddPrivacyFeature();
        services.AddSingleton<WelcomeHandler>();
        services.AddSingleton<MembershipHandler>();
        services.AddSingleton<IConversationEvents>(sp => sp.GetRequiredService<MembershipHandler>());
        services.AddSingleton<MeetingHandler>();
        services.AddSingleton<IMeetingEvents>(sp => sp.GetRequiredService<MeetingHandler>());
        return services;
    }
}
