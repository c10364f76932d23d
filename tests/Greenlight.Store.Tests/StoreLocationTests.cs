using Npgsql;

namespace Greenlight.Store.Tests;

public sealed class StoreLocationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sqlite")]
    [InlineData("SQLite")]
    public void Parse_DefaultSqlite_GreenlightDbInDataDirectory(string? database)
    {
        var location = StoreLocation.Parse(database, "/var/lib/greenlight");

        Assert.Equal((StoreEngine.Sqlite, "/var/lib/greenlight/greenlight.db"), (location.Engine, location.Target));
    }

    [Theory]
    [InlineData("sqlite:/srv/g.db", "/srv/g.db")]
    [InlineData("sqlite:///srv/g.db", "/srv/g.db")]
    [InlineData("sqlite:state/g.db", "/var/lib/greenlight/state/g.db")]
    public void Parse_SqlitePath_AbsoluteOrUnderDataDirectory(string database, string path)
    {
        Assert.Equal(path, StoreLocation.Parse(database, "/var/lib/greenlight").Target);
    }

    [Theory]
    [InlineData("postgres://gl:s3cr%40t@db.example:6432/greenlight")]
    [InlineData("postgresql://gl:s3cr%40t@db.example:6432/greenlight")]
    public void Parse_PostgresUrl_NpgsqlConnectionStringAndDisplayWithoutPassword(string url)
    {
        var location = StoreLocation.Parse(url, "/data");

        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        Assert.Equal(StoreEngine.Postgres, location.Engine);
        Assert.Equal(("db.example", 6432, "gl", "s3cr@t", "greenlight"), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
        Assert.Equal("postgres://gl@db.example:6432/greenlight", location.Display);
    }

    [Fact]
    public void Parse_PostgresUrlWithoutPortWithSslMode_DefaultPortAndSslMode()
    {
        var builder = new NpgsqlConnectionStringBuilder(StoreLocation.Parse("postgres://gl@db/greenlight?sslmode=require", "/data").Target);

        Assert.Equal((5432, SslMode.Require), (builder.Port, builder.SslMode));
    }

    [Fact]
    public void Parse_NpgsqlKeywordString_Accepted()
    {
        var location = StoreLocation.Parse("Host=127.0.0.1;Port=5433;Username=gl;Database=g", "/data");

        Assert.Equal((StoreEngine.Postgres, "postgres://gl@127.0.0.1:5433/g"), (location.Engine, location.Display));
    }

    [Theory]
    [InlineData("mysql://gl:hunter2@db/g", "not understood")]
    [InlineData("postgres://gl:hunter2@db/g?nonsense=1", "nonsense")]
    [InlineData("postgres://gl:hunter2@/g", "not a valid")]
    [InlineData("postgres://gl:hunter2@db/g/extra", "more than a database name")]
    [InlineData("Host=db;Password=hunter2;Bogus=1", "not valid for PostgreSQL")]
    [InlineData("sqlite:", "names no file")]
    public void Parse_BadValue_OneLineErrorNamingTheProblemWithoutPassword(string database, string problem)
    {
        var error = Assert.Throws<StoreConfigurationException>(() => StoreLocation.Parse(database, "/data"));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
