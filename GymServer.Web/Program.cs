using GymServer.Engine.Sessions;
using GymServer.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddGymServer();

try
{
    var app = builder.Build();
    app.MapGymServer();
    app.Run();
}
catch (Exception error) when (InvalidPresetException.Find(error) is { } preset)
{
    // A preset clients could not make: say which and why in one line, and exit as a failed start.
    Console.Error.WriteLine($"GymServer did not start: {preset.Message}");
    return 1;
}
return 0;

/// <summary>Visible to the functional tests, which start the real host.</summary>
public partial class Program;
