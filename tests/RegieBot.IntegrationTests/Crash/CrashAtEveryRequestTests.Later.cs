using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using RegieBot.Domain.Reminders;
using RegieBot.IntegrationTests.Bot;
using RegieBot.Storage;

namespace RegieBot.IntegrationTests.Crash;

/// <summary>
/// The operations on a saved kaart: propose, opschalen, the two evaluation answers, afsluiten, a linked professional
/// leaving the team, and the two background jobs (reminder dispatch, retention sweep).
/// </summary>
public sealed partial class CrashAtEveryRequestTests
{
    private const string Proposal = "Petra neemt de casusregie over";
    private const string Reason = "de school reageert al weken niet";
    private const string MeetingMarker = "Casusoverleg: de regiekaart";
    private const string LeftNotice = "Petra Jansen staat op deze kaart en is uit het team verwijderd.";

    /// <summary>
    /// How far the clock moves between the preparation and the operation: the reminder is due (and it is a working
    /// moment, 10:00 on a working day, so it is sent), or the retention period after the close is over.
    /// </summary>
    private static TimeSpan TimeTravel(Operation operation, DateTimeOffset now)
    {
        if (operation is not (Operation.ReminderDispatch or Operation.RetentionSweep))
        {
            return TimeSpan.Zero;
        }

        // Past the evaluatiedatum of 2027-02-23, or past the 90 days after the close.
        DateOnly day = RegieBot.Domain.Scheduling.DutchCalendar.Today(now.AddDays(91));
        while (!RegieBot.Domain.Scheduling.DutchCalendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return RegieBot.Domain.Scheduling.DutchCalendar.StartOfWorkingDay(day).AddHours(1) - now;
    }

    private sealed partial class Script
    {
        private async Task PrepareLaterAsync(Operation operation)
        {
            switch (operation)
            {
                case Operation.EvaluatieBlijven or Operation.EvaluatieLater:
                    await channel.SayAsync("evaluatie", user: "petra", cancellationToken: Ct);
                    break;
                case Operation.Afsluiten or Operation.RetentionSweep:
                    await channel.SayAsync("afsluiten", user: "ahmed", cancellationToken: Ct);
                    if (operation == Operation.RetentionSweep)
                    {
                        await CloseAsync();
                    }

                    break;
            }
        }

        private async Task<JsonNode?> ActLaterAsync(Operation operation)
        {
            switch (operation)
            {
                case Operation.Propose:
                    return await ProposeAsync();
                case Operation.Opschalen:
                    await channel.SayAsync("opschalen " + Reason, user: "ahmed", cancellationToken: Ct);
                    return null;
                case Operation.EvaluatieBlijven:
                    return await AnswerEvaluationAsync("Afspraken blijven staan");
                case Operation.EvaluatieLater:
                    return await AnswerEvaluationAsync("Herinner over een week");
                case Operation.Afsluiten:
                    return await CloseAsync();
                case Operation.MemberLeaves:
                    await LeaveAsync();
                    return null;
                case Operation.MeetingStarts:
                    await channel.MeetingEventAsync(start: true, cancellationToken: Ct);
                    return null;
                case Operation.ReminderDispatch:
                    await services.GetRequiredService<RegieBot.Evaluation.ReminderDispatcher>().DispatchDueAsync(Ct);
                    return null;
                case Operation.RetentionSweep:
                    await services.GetRequiredService<RegieBot.Privacy.RetentionSweeper>().SweepAsync(Ct);
                    return null;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
            }
        }

        public Task<JsonNode> ProposeAsync()
        {
            (string cardId, JsonObject card) = KaartCard();
            JsonObject propose = ChannelSimulator.ShowCardOf(card, "Wijziging voorstellen");
            return channel.ClickAsync(cardId, propose, "Voorstel versturen", new Dictionary<string, string> { ["voorstel"] = Proposal }, user: "petra", cancellationToken: Ct);
        }

        public Task<JsonNode> AnswerEvaluationAsync(string title)
        {
            (string id, JsonObject card) = LatestCardWithVerb("evaluatie");
            return channel.ClickAsync(id, card, title, user: "petra", cancellationToken: Ct);
        }

        public Task<JsonNode> CloseAsync()
        {
            (string id, JsonObject question) = LatestCardWithVerb(RegieBot.Cards.CloseCard.Verb);
            return channel.ClickAsync(id, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "1" }, user: "ahmed", cancellationToken: Ct);
        }

        public Task<HttpResponseMessage> LeaveAsync() =>
            channel.TeamEventAsync("conversationUpdate", "teamMemberRemoved", removed: [new JsonObject { ["id"] = "29:petra", ["aadObjectId"] = "aad-petra" }], cancellationToken: Ct);
    }

    private sealed partial class Checks
    {
        private async Task<string?> VerifyLaterAsync(Operation operation)
        {
            if (operation == Operation.RetentionSweep)
            {
                return await RetainedNoLongerAsync();
            }

            Kaart kaart = (await KaartAsync())!;
            string? broken = operation switch
            {
                Operation.Propose => await ProposedAsync(kaart),
                Operation.Opschalen => await EscalatedAsync(kaart),
                Operation.EvaluatieBlijven => await AgreementsStandAsync(kaart),
                Operation.EvaluatieLater => await PostponedAsync(kaart),
                Operation.Afsluiten => await ClosedAsync(kaart),
                Operation.MemberLeaves => await NoticedAsync(kaart),
                Operation.MeetingStarts => await MeetingCardOnceAsync(kaart),
                Operation.ReminderDispatch => await RemindedAsync(kaart),
                _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
            };
            return broken ?? await NoWorkLeftAsync();
        }

        /// <summary>The proposal is stored once (now, or after proposing again) and its card posted once.</summary>
        private async Task<string?> ProposedAsync(Kaart kaart)
        {
            int first = await ProposalsAsync(kaart);
            if (first == 0)
            {
                await _script.ProposeAsync();
            }

            int proposals = await ProposalsAsync(kaart);
            return proposals != 1 ? $"{proposals} proposals stored" : await PostedOnceAsync(kaart, Proposal) is { } broken ? $"{broken} (first {first})" : null;
        }

        private async Task<int> ProposalsAsync(Kaart kaart) =>
            (await _store.GetSnapshotAsync(kaart.Id, Ct))!.Proposals.Count(p => p.Text == Proposal);

        /// <summary>The escalation is stored once (now, or after opschalen again) and its card posted once.</summary>
        private async Task<string?> EscalatedAsync(Kaart kaart)
        {
            if ((await _store.GetEscalationsAsync(kaart.Id, Ct)).Count == 0)
            {
                await channel.SayAsync("opschalen " + Reason, user: "ahmed", cancellationToken: Ct);
            }

            int escalations = (await _store.GetEscalationsAsync(kaart.Id, Ct)).Count;
            return escalations != 1 ? $"{escalations} escalations stored" : await PostedOnceAsync(kaart, Reason);
        }

        /// <summary>A new version with the next evaluatiedatum (now, or after answering again), the reminder at that date, the card answered.</summary>
        private async Task<string?> AgreementsStandAsync(Kaart kaart)
        {
            if (kaart.Version == 1)
            {
                await _script.AnswerEvaluationAsync("Afspraken blijven staan");
                kaart = (await KaartAsync())!;
            }

            // Answered on Monday 7 December 2026: three months on is Sunday 7 March, so the next working day.
            if (kaart.Version != 2 || kaart.Content.Evaluatiedatum != new DateOnly(2027, 3, 8))
            {
                return $"the answer made version {kaart.Version} with evaluatiedatum {kaart.Content.Evaluatiedatum}";
            }

            return await EvaluationInStepAsync(kaart, due => RegieBot.Domain.Scheduling.DutchCalendar.Today(due) == kaart.Content.Evaluatiedatum)
                ?? EvaluationCardAnswered();
        }

        /// <summary>The reminder moves to a week from now (now, or after answering again), and the card says so.</summary>
        private async Task<string?> PostponedAsync(Kaart kaart)
        {
            DateTimeOffset now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            bool InAWeek(DateTimeOffset due) => due > now.AddDays(5) && due < now.AddDays(10);
            ReminderState? state = await services.GetRequiredService<IReminderStore>().GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct);
            if (state is null || !InAWeek(state.DueAt))
            {
                await _script.AnswerEvaluationAsync("Herinner over een week");
            }

            return await EvaluationInStepAsync(kaart, InAWeek) ?? EvaluationCardAnswered();
        }

        /// <summary>Closed (now, or after closing again): the card says so, no reminder is left, one retention entry.</summary>
        private async Task<string?> ClosedAsync(Kaart kaart)
        {
            if (kaart.Status != KaartStatus.Afgesloten)
            {
                await _script.CloseAsync();
                kaart = (await KaartAsync())!;
            }

            if (kaart.Status != KaartStatus.Afgesloten)
            {
                return "closing again after the crash does not close the kaart";
            }

            if (await services.GetRequiredService<IReminderStore>().GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct) is { Status: ReminderStatus.Scheduled })
            {
                return "I3: the closed kaart has a scheduled evaluation reminder";
            }

            if (await DueRowsAsync(kaart, ReminderKind.Evaluatie) != 0)
            {
                return "I3: the closed kaart has a due reminder row";
            }

            int entries = await CountAsync(RegieTables.Retention, e => e.RowKey == TableKey.Encode(kaart.Id));
            if (entries != 1)
            {
                return $"{entries} retention entries for the closed kaart";
            }

            return _script.KaartCard().Card.ToJsonString().Contains("Afgesloten op", StringComparison.Ordinal) ? null : "the kaart card does not show the close";
        }

        /// <summary>The notice of the linked professional who left is posted once (now, or after Teams delivers the event again).</summary>
        private async Task<string?> NoticedAsync(Kaart kaart)
        {
            if (!teams.Messages.Values.Any(m => ChannelSimulator.CardOf(m).ToJsonString().Contains(LeftNotice, StringComparison.Ordinal)))
            {
                await _script.LeaveAsync();
            }

            return await PostedOnceAsync(kaart, LeftNotice);
        }

        /// <summary>
        /// The evaluation card is posted once (now, or by this host's dispatch); the evaluation waits for its answer, with
        /// the card's id, and the one escalation that follows is scheduled.
        /// </summary>
        private async Task<string?> RemindedAsync(Kaart kaart)
        {
            // The host's own reminder worker runs once at start and may hold the claim while it posts: wait for it.
            IReminderStore reminders = services.GetRequiredService<IReminderStore>();
            for (int attempt = 0; attempt < 20; attempt++)
            {
                await services.GetRequiredService<RegieBot.Evaluation.ReminderDispatcher>().DispatchDueAsync(Ct);
                if (await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct) is { Status: not ReminderStatus.Scheduled })
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
            }

            if (await PostedOnceAsync(kaart, "Evaluatie van de regiekaart") is { } broken)
            {
                return broken;
            }

            ReminderState? evaluation = await reminders.GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct);
            (string cardId, _) = _script.LatestCardWithVerb("evaluatie");
            if (evaluation is not { Status: ReminderStatus.Sent } || evaluation.SentActivityId != cardId)
            {
                return $"the evaluation reminder is {evaluation?.Status.ToString() ?? "missing"} with card {evaluation?.SentActivityId ?? "none"}";
            }

            if (await reminders.GetStateAsync(kaart.Id, ReminderKind.Escalation, Ct) is not { Status: ReminderStatus.Scheduled })
            {
                return "the escalation after the evaluation is not scheduled";
            }

            int rows = await DueRowsAsync(kaart, ReminderKind.Evaluatie) + await DueRowsAsync(kaart, ReminderKind.Escalation);
            return rows == 1 ? null : $"{rows} due rows for the kaart (one escalation expected)";
        }

        /// <summary>The meeting's card is posted once (now, or after Teams delivers the event again).</summary>
        private async Task<string?> MeetingCardOnceAsync(Kaart kaart)
        {
            if (!teams.Messages.Values.Any(m => ChannelSimulator.CardOf(m).ToJsonString().Contains(MeetingMarker, StringComparison.Ordinal)))
            {
                await channel.MeetingEventAsync(start: true, cancellationToken: Ct);
            }

            return await PostedOnceAsync(kaart, MeetingMarker);
        }

        /// <summary>I4 for the retention sweep: once this host's sweep has run, nothing of the casus is left anywhere.</summary>
        private async Task<string?> RetainedNoLongerAsync()
        {
            string kaartId = KaartIdOfTheQuestion(RegieBot.Cards.CloseCard.Verb);
            await services.GetRequiredService<RegieBot.Privacy.RetentionSweeper>().SweepAsync(Ct);
            await services.GetRequiredService<Outbox.OutboxRelay>().SweepAsync(Ct);
            await services.GetRequiredService<Outbox.OutboxRelay>().WhenIdleAsync();
            return await GoneAsync(kaartId);
        }

        /// <summary>I3: exactly one scheduled evaluation reminder, due as <paramref name="expected"/> says, with one due row.</summary>
        private async Task<string?> EvaluationInStepAsync(Kaart kaart, Func<DateTimeOffset, bool> expected)
        {
            ReminderState? state = await services.GetRequiredService<IReminderStore>().GetStateAsync(kaart.Id, ReminderKind.Evaluatie, Ct);
            if (state is not { Status: ReminderStatus.Scheduled })
            {
                return $"I3: the evaluation reminder is {state?.Status.ToString() ?? "missing"}";
            }

            if (!expected(state.DueAt))
            {
                return $"I3: the evaluation reminder is due at {state.DueAt:O}";
            }

            int rows = await DueRowsAsync(kaart, ReminderKind.Evaluatie);
            return rows == 1 ? null : $"I3: {rows} due rows for the evaluation";
        }

        /// <summary>The evaluation card in the thread shows the answer, not its buttons.</summary>
        private string? EvaluationCardAnswered()
        {
            (string id, _) = _script.LatestCardWithVerb("evaluatie");
            JsonObject shown = ChannelSimulator.CardOf(teams.Messages[id]);
            return ChannelSimulator.FindActions(shown).Any(a => (string?)a["verb"] == "evaluatie") ? "the evaluation card still asks for an answer" : null;
        }

        /// <summary>
        /// I5: of the cards in the thread that show <paramref name="marker"/>, exactly one is recorded as the casus's
        /// message, and at most one other was posted (the window between a post and recording its id).
        /// </summary>
        private async Task<string?> PostedOnceAsync(Kaart kaart, string marker)
        {
            // The kaart card itself shows proposals too; it is checked by the kaart card's own invariant.
            string[] posted = [.. teams.Calls.Where(c => c.Kind == "send" && c.ConversationId == channel.ThreadId && c.ActivityId != kaart.CardActivityId)
                .Where(c => ChannelSimulator.CardOf(c.Activity).ToJsonString().Contains(marker, StringComparison.Ordinal))
                .Select(c => c.ActivityId!)];
            CasusFootprint? footprint = await _store.GetFootprintAsync(kaart.Id, Ct);
            HashSet<string> recorded = [.. footprint?.Messages.Select(m => m.ActivityId) ?? []];
            int known = posted.Count(recorded.Contains);
            if (known != 1)
            {
                string titles = string.Join(", ", posted.Select(id => (string?)ChannelSimulator.CardOf(teams.Messages[id])["body"]?[0]?["text"]));
                return $"I5: {known} recorded cards of '{marker}' ({posted.Length} posted: {titles})";
            }

            return posted.Length - known > 1 ? $"I5: {posted.Length - known} cards of '{marker}' posted and not recorded" : null;
        }

        private Task<int> DueRowsAsync(Kaart kaart, ReminderKind kind) =>
            CountAsync(RegieTables.Reminders, e => e.PartitionKey == "due" && e.RowKey.Contains(TableKey.Encode(kaart.Id), StringComparison.Ordinal) && e.RowKey.EndsWith("|" + kind.StoredName(), StringComparison.Ordinal));

        private async Task<string?> NoWorkLeftAsync() =>
            await CountAsync(RegieTables.Work, _ => true) != 0 || await CountAsync(RegieTables.Kaarten, e => e.RowKey.StartsWith("x-", StringComparison.Ordinal)) != 0
                ? "outbox work is left after the sweep"
                : null;
    }
}
