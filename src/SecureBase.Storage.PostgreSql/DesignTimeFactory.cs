using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SecureBase.Storage.Hosting;

namespace SecureBase.Storage.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server or the web app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SecureBaseDbContext>
{
    public SecureBaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SecureBaseDbContext>()
            .UseNpgsql("Host=localhost;Database=securebase_design", n => n.MigrationsAssembly(StorageRegistration.PostgreSqlMigrationsAssembly))
            .Options);
}
