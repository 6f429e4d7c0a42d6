using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegieBot.Testing.Teams.Fuzz;

/// <summary>Points a test host's real authenticator at the fuzz signing key and captures what it logs at Error.</summary>
public static class FuzzHost
{
    public static IWebHostBuilder UseFuzzing(this IWebHostBuilder builder, FuzzSigning signing, ErrorLogCapture errors)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(signing);
        foreach ((string key, string value) in signing.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(errors));
        return builder.ConfigureServices(services =>
            services.AddHttpClient(FuzzSigning.MetadataHttpClientName).ConfigurePrimaryHttpMessageHandler(signing.Handler));
    }
}
