
namespace RegieBot.Domain.Tests.TestSupport;

/// <summary>A clone on its own skips the tests that read ../shared; CI, which has it, must never skip them.</summary>
public sealed class SharedDocumentsTests
{
    [Fact]
    public void Locate_MissingFileOutsideCi_IsSkippedWithTheReason()
    {
        string folder = Directory.CreateTempSubdirectory("regiebot-noshared-").FullName;
        try
        {
            SharedFile found = SharedDocuments.Locate(folder, "seeds/regiekaart-samenwerken.txt", required: false);

            Assert.Null(found.Failure);
            Assert.Contains("shared/seeds/regiekaart-samenwerken.txt", found.SkipReason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Locate_MissingFileInCi_FailsNamingTheVariable()
    {
        string folder = Directory.CreateTempSubdirectory("regiebot-noshared-").FullName;
        try
        {
            SharedFile found = SharedDocuments.Locate(folder, "seeds/regiekaart-samenwerken.txt", required: true);

            Assert.Null(found.SkipReason);
            Assert.Contains(SharedDocuments.RequiredVariable, found.Failure, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Locate_PresentFile_IsItsPathWithoutSkipOrFailure()
    {
        string folder = Directory.CreateTempSubdirectory("regiebot-shared-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "seeds"));
            string file = Path.Combine(folder, "seeds", "seed.txt");
            File.WriteAllText(file, "x");

            Assert.Equal(new SharedFile(file, null, null), SharedDocuments.Locate(folder, "seeds/seed.txt", required: true));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsSet_VariableValue_IsReadAsCiSetsIt(string? value, bool expected)
    {
        Assert.Equal(expected, SharedDocuments.IsSet(value));
    }
}
