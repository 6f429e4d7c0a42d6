namespace RegieBot.Cards;

/// <summary>
/// How an export is paged: the blocks of an <see cref="ExportDocument"/> go onto as few pages as the byte budget
/// allows, a long block split between two lines (its title repeated with "(vervolg)"), never inside one. The pager
/// knows no card: <paramref name="measure"/> gives the bytes of a page holding some blocks, with or without the
/// intro. Only the first page carries the intro, so every page after it is measured without.
/// </summary>
internal sealed class ExportPager(Func<IReadOnlyList<ExportBlock>, bool, int> measure)
{
    public List<List<ExportBlock>> Pack(IReadOnlyList<ExportBlock> document, int budget)
    {
        int empty = measure([], false);
        List<List<ExportBlock>> pages = [];
        List<ExportBlock> page = [];
        int size = measure([], true);
        foreach (ExportBlock block in document)
        {
            ExportBlock current = block with { Lines = [] };
            int blockSize = BlockCost(current, empty);
            if (page.Count > 0 && size + blockSize + (block.Lines.Count > 0 ? LineCost(block.Lines[0], empty) : 0) > budget)
            {
                pages.Add(page);
                page = [];
                size = empty;
            }

            page.Add(current);
            size += blockSize;
            foreach (ExportLine line in block.Lines)
            {
                int lineSize = LineCost(line, empty);
                if (size + lineSize > budget && current.Lines.Count > 0)
                {
                    pages.Add(page);
                    current = block with { Title = block.Title + " (vervolg)", Lines = [] };
                    page = [current];
                    size = empty + BlockCost(current, empty);
                }

                current.Lines.Add(line);
                size += lineSize;
            }
        }

        pages.Add(page);
        return pages;
    }

    private int BlockCost(ExportBlock block, int empty) => measure([block with { Lines = [] }], false) - empty;

    private int LineCost(ExportLine line, int empty)
    {
        ExportBlock probe = new("x", [line]);
        return measure([probe], false) - empty - BlockCost(probe, empty);
    }
}
