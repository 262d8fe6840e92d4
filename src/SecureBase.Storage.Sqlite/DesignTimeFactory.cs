using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SecureBase.Storage.Hosting;

namespace SecureBase.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the web app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SecureBaseDbContext>
{
    public SecureBaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SecureBaseDbContext>()
            .UseSqlite("Data Source=design-time.db", s => s.MigrationsAssembly(StorageRegistration.SqliteMigrationsAssembly))
            .Options);
}
