using GymServer.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddGymServer();

var app = builder.Build();
app.MapGymServer();
app.Run();

/// <summary>Visible to the functional tests, which start the real host.</summary>
public partial class Program;
