using GymServer.Engine.Sessions;
using GymServer.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddGymServer();

var app = builder.Build();
app.MapGymServer();
try
{
    app.Run();
}
catch (InvalidPresetException error)
{
    // A preset clients could not make: say which and why in one line, and exit as a failed start.
    Console.Error.WriteLine($"GymServer did not start: {error.Message}");
    return 1;
}
return 0;

/// <summary>Visible to the functional tests, which start the real host.</summary>
public partial class Program;
