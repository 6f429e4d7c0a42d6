namespace RegieBot.Security;

internal static class SecurityHostingExtensions
{
    public static IServiceCollection AddRegieSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TenantAllowList>();
        return services;
    }
}
