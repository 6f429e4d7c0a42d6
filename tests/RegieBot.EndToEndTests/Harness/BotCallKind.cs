namespace RegieBot.EndToEndTests.Harness;

/// <summary>The Bot Connector (v3) operation a bot call was, judged by method and path.</summary>
public enum BotCallKind
{
    Other,

    /// <summary><c>POST /v3/conversations/{id}/activities</c>; into a channel conversation this starts a new thread.</summary>
    SendToConversation,

    /// <summary><c>POST /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    ReplyToActivity,

    /// <summary><c>PUT /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    UpdateActivity,

    /// <summary><c>DELETE /v3/conversations/{id}/activities/{activityId}</c> (the Playground answers 501).</summary>
    DeleteActivity,

    /// <summary><c>POST /v3/conversations</c>: a proactive thread in a channel, or a 1:1 chat.</summary>
    CreateConversation,

    /// <summary>Any <c>GET</c>: members, paged members, team details, team channels.</summary>
    Read,
}
