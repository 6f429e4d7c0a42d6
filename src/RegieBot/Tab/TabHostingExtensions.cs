using System.Text.Json.Nodes;

namespace RegieBot.Tab;

/// <summary>
/// The personal tab "Mijn regiekaarten" and the channel tab "Regie in dit kanaal" (<c>?kanaal=</c>): static pages under <c>/tab/</c> (served from wwwroot, with teams-js) and
/// their content under <c>/tab/api/</c>, for the signed-in professional only. A kaart they may not see is 404, the
/// same as one that does not exist. Nothing is cached, and nothing of the content is logged.
/// </summary>
internal static class TabHostingExtensions
{
    public const string BasePath = "/tab";

    /// <summary>
    /// Scripts only from the app itself; only Teams and Microsoft 365 may frame the tab. teams-js fetches its list of
    /// valid host origins from Microsoft's CDN (connect-src), and uses its built-in list when it cannot.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://res.cdn.office.net; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com " +
        "https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft https://outlook.office.com https://outlook.office365.com";

    public static IServiceCollection AddRegieTab(this IServiceCollection services)
    {
        services.AddSingleton<PlaygroundUsers>();
        services.AddSingleton<TabSignIn>();
        services.AddSingleton<TabKaartReader>();
        services.AddSingleton<MijnKaarten>();
        services.AddSingleton<KanaalKaarten>();
        services.AddSingleton<TeamPlaces>();
        return services;
    }

    public static WebApplication MapRegieTab(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(BasePath))
            {
                IHeaderDictionary headers = context.Response.Headers;
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Request.Path.Value == BasePath)
                {
                    context.Response.Redirect($"{BasePath}/");   // relative links of the pages need the slash
                    return;
                }
            }

            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();

        RouteGroupBuilder api = app.MapGroup($"{BasePath}/api");
        api.MapGet("/aanmelding", (TabSignIn signIn, PlaygroundUsers playground) => Results.Text(SignInModes(signIn, playground), "application/json"));
        api.MapGet("/overzicht", async (HttpRequest request, TabSignIn signIn, MijnKaarten kaarten, TeamPlaces places, CancellationToken cancellationToken) =>
            await signIn.UserAsync(request, cancellationToken) is { } user
                ? Html(TabPages.Overview(await places.WithPlacesAsync(await kaarten.ListAsync(user, cancellationToken), cancellationToken)))
                : Results.Unauthorized());
        api.MapGet("/kaarten/{id}", (string id, HttpRequest request, TabSignIn signIn, MijnKaarten kaarten, TeamPlaces places, CancellationToken cancellationToken) =>
            KaartAsync(id, request, signIn, kaarten, places, TabPages.Kaart, cancellationToken));
        api.MapGet("/kaarten/{id}/clientversie", (string id, HttpRequest request, TabSignIn signIn, MijnKaarten kaarten, CancellationToken cancellationToken) =>
            KaartAsync(id, request, signIn, kaarten, null, TabPages.ClientVersion, cancellationToken));
        api.MapGet("/kanaal", async (string? id, HttpRequest request, TabSignIn signIn, KanaalKaarten kanaal, CancellationToken cancellationToken) =>
            await signIn.UserAsync(request, cancellationToken) is not { } user ? Results.Unauthorized()
            : await kanaal.GetAsync(id ?? string.Empty, user, cancellationToken) is { } overview ? Html(ChannelTabPages.Overview(overview))
            : NotFound(ChannelTabTexts.NotFound));
        api.MapPost("/kanaal/bevestiging", async (string? id, string? kaart, HttpRequest request, TabSignIn signIn, KanaalKaarten kanaal, CancellationToken cancellationToken) =>
            await signIn.UserAsync(request, cancellationToken) is not { } user ? Results.Unauthorized()
            : await kanaal.AskConfirmationAsync(id ?? string.Empty, kaart ?? string.Empty, user, cancellationToken) switch
            {
                ConfirmationAsk.Posted => Message(ChannelTabTexts.Posted, StatusCodes.Status200OK),
                ConfirmationAsk.AlreadyToday => Message(ChannelTabTexts.AlreadyToday, StatusCodes.Status409Conflict),
                ConfirmationAsk.NobodyToAsk => Message(ChannelTabTexts.NobodyToAsk, StatusCodes.Status409Conflict),
                _ => NotFound(ChannelTabTexts.NotFound),
            });
        return app;
    }

    /// <summary>Not "forbidden": whether a kaart or a channel exists is itself not for others to know.</summary>
    private static IResult NotFound(string text) =>
        Results.Text($"<h1>{TabTexts.NotFoundTitle}</h1><p>{TabPages.E(text)}</p>", "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static IResult Message(string text, int status) =>
        Results.Text($"<p class=\"melding\">{TabPages.E(text)}</p>", "text/html; charset=utf-8", statusCode: status);

    private static async Task<IResult> KaartAsync(
        string id, HttpRequest request, TabSignIn signIn, MijnKaarten kaarten, TeamPlaces? places, Func<TabKaart, string> render,
        CancellationToken cancellationToken)
    {
        if (await signIn.UserAsync(request, cancellationToken) is not { } user)
        {
            return Results.Unauthorized();
        }

        // Not "forbidden": whether a kaart exists is itself not for others to know. The client version names no team.
        return await kaarten.GetAsync(id, user, cancellationToken) is { } kaart
            ? Html(render(places is null ? kaart : await places.WithPlaceAsync(kaart, cancellationToken)))
            : NotFound(TabTexts.NotFound);
    }

    private static IResult Html(string fragment) => Results.Text(fragment, "text/html; charset=utf-8");

    /// <summary>Teams SSO, or (Development without an Entra app) the local sign-in with the Playground's mock users.</summary>
    private static string SignInModes(TabSignIn signIn, PlaygroundUsers playground) => new JsonObject
    {
        ["modus"] = signIn.LocalMode ? "lokaal" : "teams",
        ["gebruikers"] = signIn.LocalMode
            ? new JsonArray([.. playground.All.Select(u => new JsonObject { ["id"] = u.AadObjectId, ["naam"] = u.Name })])
            : new JsonArray(),
    }.ToJsonString();
}
