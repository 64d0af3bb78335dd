using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SampleService.Tests.Support;

/// <summary>Runs the service in memory on a database file and secrets directory of the test's choosing.</summary>
internal sealed class ServiceFactory(string databasePath, string secretsDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("READINGS_DB", databasePath);
        builder.UseSetting("SECRETS_DIR", secretsDirectory);
    }
}
