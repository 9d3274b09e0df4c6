var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Visible to the functional tests, which start the real host.</summary>
public partial class Program;
