namespace RegieBot.Bot;

internal static class BotHostingExtensions
{
    public static IServiceCollection AddRegieBot(this IServiceCollection services)
    {
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<WelcomeHandler>();
        services.AddSingleton<CommandHandler>();
        return services;
    }
}
