using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaimsTracker.Data.LocalDatabase;

/// <summary>
/// A private PostgreSQL server in a folder of its own, for development runs and tests on a
/// machine that has the server binaries but no database configured. It listens on a free
/// loopback port only (no Unix socket) and is stopped with <see cref="DisposeAsync"/>.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string binDirectory;
    private readonly string dataDirectory;
    private readonly ILogger logger;
    private bool stopped;

    private LocalPostgresCluster(string binDirectory, string dataDirectory, int port, ILogger logger)
    {
        this.binDirectory = binDirectory;
        this.dataDirectory = dataDirectory;
        this.logger = logger;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Include Error Detail=true";

    /// <summary>
    /// Starts the cluster in <paramref name="directory"/>, creating it first when empty.
    /// <paramref name="durable"/> false trades crash safety for speed (tests).
    /// </summary>
    public static async Task<LocalPostgresCluster> StartAsync(string directory, bool durable, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql. " +
            "Install them (Debian/Ubuntu: apt-get install postgresql) or set ConnectionStrings__Claims.");

        var root = Path.GetFullPath(directory);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var runAsPostgres = Environment.UserName == "root";
        if (runAsPostgres)
        {
            // PostgreSQL refuses to run as root; hand the folder to the postgres account.
            await RunAsync("chown", ["-R", "postgres:", root], null, cancellationToken);
        }

        var cluster = new LocalPostgresCluster(bin, data, FreeLoopbackPort(), logger);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            logger.LogInformation("Creating a PostgreSQL cluster in {Directory}", data);
            await cluster.PgAsync("initdb", ["-D", data, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken);
        }

        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            // Left by a run that was killed; stop it so that this run owns the port it chooses.
            await cluster.PgAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], cancellationToken, failOk: true);
        }

        var settings = $"-p {cluster.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
            // Throwaway clusters serve test runs: a database per test, each with its own connection pool.
            + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400");
        await cluster.PgAsync("pg_ctl", ["-D", data, "-l", Path.Combine(root, "postgres.log"), "-o", settings, "-w", "-t", "60", "start"], cancellationToken);
        logger.LogInformation("PostgreSQL is listening on 127.0.0.1:{Port}", cluster.Port);
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        await PgAsync("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None, failOk: true);
        logger.LogInformation("PostgreSQL on port {Port} stopped", Port);
    }

    private Task PgAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool failOk = false)
    {
        var executable = Path.Combine(binDirectory, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", Superuser, "--", executable, .. arguments], "/", cancellationToken, failOk)
            : RunAsync(executable, arguments, null, cancellationToken, failOk);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken, bool failOk = false)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        // pg_ctl start leaves the server holding the pipes; read to the end only after exit.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && !failOk)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string debianRoot = "/usr/lib/postgresql";
        return Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
