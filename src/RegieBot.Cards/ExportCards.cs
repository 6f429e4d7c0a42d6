using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain;

namespace RegieBot.Cards;

/// <summary>
/// <c>export</c>: everything stored about a casus as a readable document for an inzageverzoek (AVG), delivered
/// as a series of Adaptive Cards in the thread. A bot cannot send files in a Teams channel without extra
/// permissions, and a card is what every Teams client shows; the document is split over as many cards as it
/// needs, each below Teams' size limit, and nothing is shortened. What goes in is <see cref="ExportDocument"/>,
/// where a card ends is <see cref="ExportPager"/>; this class renders the cards and measures them for the pager.
/// </summary>
public sealed class ExportCards(CardTemplates templates)
{
    /// <summary>The same limit as the kaart card: below Teams' 28 KB with room for the activity around it.</summary>
    public const int MaxBytes = KaartCard.MaxBytes;

    /// <summary>What the pager fills a card to at first; the rest of <see cref="MaxBytes"/> is slack for what a probe does not measure (page numbers, the date).</summary>
    internal const int PageBudget = 24 * 1024;

    public const string Intro =
        "Dit is alles wat RegieBot over deze casus heeft opgeslagen, voor een inzageverzoek (AVG): de kaart met al haar versies, " +
        "de bevestigingen, de voorgestelde wijzigingen, de afsluiting en wat nog wordt ingevuld. RegieBot stuurt het als kaarten in deze draad, " +
        "omdat een bot in Teams zonder extra toestemming geen bestanden kan sturen. Neem de tekst over in het dossier van het verzoek. " +
        "Namen van collega's staan erbij met hun Entra-id, want die slaat RegieBot op.";

    public IReadOnlyList<JsonObject> Build(CasusRecords records, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(records);
        List<ExportBlock> document = ExportDocument.Of(records);
        string generated = DutchDates.Moment(generatedAt);
        ExportPager pager = Pager(records.Casus);
        List<JsonObject> cards = [];
        for (int budget = PageBudget; budget >= 8 * 1024; budget -= 2 * 1024)
        {
            List<List<ExportBlock>> pages = pager.Pack(document, budget);
            cards = [.. pages.Select((page, i) => Render(records.Casus, page, i + 1, pages.Count, generated, intro: i == 0))];
            if (cards.All(c => Bytes(c) <= MaxBytes))
            {
                break;
            }
        }

        return cards;
    }

    /// <summary>A pager that measures a page as this casus's card would be.</summary>
    internal ExportPager Pager(string casus) => new((blocks, intro) => Measure(casus, blocks, intro));

    /// <summary>The bytes of a card of this casus holding <paramref name="blocks"/>, without page numbers or date.</summary>
    internal int Measure(string casus, IReadOnlyList<ExportBlock> blocks, bool intro) => Bytes(Render(casus, blocks, 1, 1, string.Empty, intro));

    private JsonObject Render(string casus, IReadOnlyList<ExportBlock> blocks, int page, int pages, string generated, bool intro) =>
        templates["export"].Expand(new JsonObject
        {
            ["casus"] = casus,
            ["page"] = page,
            ["pages"] = pages,
            ["generatedAt"] = generated,
            ["intro"] = intro ? Intro : string.Empty,
            ["blocks"] = new JsonArray([.. blocks.Select(b => new JsonObject
            {
                ["title"] = b.Title,
                ["lines"] = new JsonArray([.. b.Lines.Select(l => new JsonObject { ["label"] = l.Label, ["text"] = l.Text })]),
            })]),
        });

    private static int Bytes(JsonObject card) => Encoding.UTF8.GetByteCount(card.ToJsonString());
}
