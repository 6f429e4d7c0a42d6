using Microsoft.Extensions.DependencyInjection.Extensions;
using RegieBot.Dialog;
using RegieBot.Privacy;
using RegieBot.Reminders;

namespace RegieBot.Bot;

internal static class BotHostingExtensions
{
    public static IServiceCollection AddRegieBot(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<WelcomeHandler>();
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<CardActionGate>();
        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<CardVerbs>();
        services.AddDialogCardVerbs();
        services.AddPrivacyCardVerbs();
        services.AddEvaluationCardVerbs();
        services.AddSingleton<CardSubmitHandler>();
        services.AddSingleton<MemberSearchHandler>();
        services.AddSingleton<MeetingHandler>();
        services.AddSingleton<Dialog.ChannelMembers>();
        services.AddSingleton<Dialog.ActorNames>();
        services.AddSingleton<ServiceUrls>();
        services.AddSingleton<Dialog.KaartPublisher>();
        services.AddSingleton<Dialog.RegieConversation>();
        services.AddSingleton<Dialog.KaartCommands>();
        services.AddSingleton<Dialog.KaartActions>();
        services.AddSingleton<Dialog.CasusLocator>();
        services.AddSingleton<Dialog.CasusMessages>();
        services.AddSingleton<Dialog.KaartClosing>();
        services.AddSingleton<Privacy.CasusEraser>();
        services.AddSingleton<Privacy.CasusDeletion>();
        services.AddSingleton<Privacy.CasusExport>();
        services.AddSingleton<Privacy.RetentionSweeper>();
        services.AddSingleton<Outbox.OutboxRelay>();
        services.AddSingleton<IAfterTurn>(sp => sp.GetRequiredService<Outbox.OutboxRelay>());
        services.AddHostedService<Outbox.OutboxWorker>();
        services.AddOptions<Outbox.OutboxOptions>().BindConfiguration(Outbox.OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<Privacy.RetentionWorker>();
        services.AddOptions<Privacy.PrivacyOptions>().BindConfiguration(Privacy.PrivacyOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Domain.Scheduling.IsoPeriod.TryParse(o.RetentionAfterClose, out _), "RegieBot__Privacy__RetentionAfterClose must be an ISO 8601 duration, such as P90D.")
            .ValidateOnStart();
        services.AddOptions<Reminders.ReminderOptions>().BindConfiguration(Reminders.ReminderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Domain.Scheduling.IsoPeriod.TryParse(o.EvaluationPeriod, out _), "RegieBot__Reminders__EvaluationPeriod must be an ISO 8601 duration, such as P3M or PT20S.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Reminders.ReminderScheduler>();
        services.AddSingleton<Reminders.EvaluationActions>();
        services.AddSingleton<Reminders.MembershipHandler>();
        services.AddSingleton<Domain.Reminders.IReminderSender, Reminders.ReminderSender>();
        services.AddSingleton<Reminders.ReminderDispatcher>();
        services.AddHostedService<Reminders.ReminderWorker>();
        services.AddSingleton<Reminders.ReminderAudit>();
        services.AddHostedService<Reminders.ReminderAuditWorker>();
        return services;
    }
}
