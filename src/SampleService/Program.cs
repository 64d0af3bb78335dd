using SampleService;

var started = DateTime.UtcNow;
var builder = WebApplication.CreateSlimBuilder(args);
ServiceSettings settings;
try
{
    settings = ServiceSettings.Read(builder.Configuration);
}
catch (ServiceSettingsException e)
{
    // A bad setting is the operator's to fix; one line says which, a stack trace would bury it.
    Console.Error.WriteLine(e.Message);
    return 2;
}

builder.WebHost.UseUrls($"http://0.0.0.0:{settings.Port}");
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.UseUtcTimestamp = true;
    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
});
builder.Logging.SetMinimumLevel(settings.LogLevel);
// The framework's own per-request lines would double ours; keep only its warnings and errors.
builder.Logging.AddFilter("Microsoft.AspNetCore", (LogLevel)Math.Max((int)settings.LogLevel, (int)LogLevel.Warning));

builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServiceJsonContext.Default));
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(VersionInfo.FromAssembly(typeof(VersionInfo).Assembly, started));
builder.Services.AddSingleton(new SecretReader(settings.SecretsDirectory, Environment.GetEnvironmentVariable));
builder.Services.AddSingleton(services => new ReadingsStore(settings.DatabasePath,
    services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<ReadingsStore>>()));
builder.Services.AddSingleton<DatabaseReadiness>();

var app = builder.Build();
var version = app.Services.GetRequiredService<VersionInfo>();
ServiceLog.Starting(app.Logger, version.Version, version.Commit);

app.UseRequestLogging();
app.UseStatusCodePages();
app.MapOperational();
app.MapReadings();

// Migrate before listening; on failure keep serving /health and let /ready report why.
await app.Services.GetRequiredService<DatabaseReadiness>().CheckAsync();
await app.RunAsync();
return 0;
