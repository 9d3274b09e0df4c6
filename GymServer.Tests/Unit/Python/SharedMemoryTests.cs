using System.Buffers.Binary;
using GymServer.Engine.Environments;
using GymServer.Engine.Python;
using GymServer.Protocol;
using GymServer.Protocol.Values;
using GymServer.Tests.Infrastructure;

namespace GymServer.Tests.Unit.Python;

/// <summary>
/// The node's shared memory budget and its slots, in a temporary directory: the cap in whole pages, what stays on the
/// pipe, reading a reply's observation from a slot, and a slot released under a reader.
/// </summary>
public sealed class SharedMemoryTests : IDisposable
{
    private static readonly int Page = Environment.SystemPageSize;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gym-shm-");
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _directory.Delete(recursive: true);

    private WorkerSharedMemory Memory(long capacity, int minimum = 4096)
    {
        var memory = new WorkerSharedMemory(
            new PythonOptions { SharedMemoryBytes = capacity, SharedMemoryMinBytes = minimum, SharedMemoryDirectory = _directory.FullName },
            _logs.CreateLogger("test"));
        memory.Prepare();
        return memory;
    }

    [Fact]
    public void SlotsCountInWholePagesUpToTheCapAndSmallValuesStayOnThePipe()
    {
        var memory = Memory(capacity: 3L * Page);
        Assert.Null(memory.TryCreate(4095));
        using var first = memory.TryCreate(Page + 1)!;
        Assert.Equal(2L * Page, first.ReservedBytes);
        Assert.Equal(Page + 1, new FileInfo(first.Path).Length);
        using var second = memory.TryCreate(Page)!;
        Assert.Null(memory.TryCreate(Page));
        Assert.Equal(new SharedMemoryStatus(3L * Page, 3L * Page, 2, 1), memory.Status);
        Assert.Single(_logs.Entries, entry => entry.Message.Contains("the cap of", StringComparison.Ordinal));

        second.Dispose();
        second.Dispose();
        Assert.Equal(new SharedMemoryStatus(2L * Page, 3L * Page, 1, 1), memory.Status);
        using var third = memory.TryCreate(Page)!;
        Assert.Equal(2, memory.Status.Slots);
    }

    [Fact]
    public void NoCapOrNoDirectoryMeansNoSlots()
    {
        Assert.Null(Memory(capacity: 0).TryCreate(1 << 20));
        Assert.Equal(new SharedMemoryStatus(0, 0, 0, 0), Memory(capacity: 0).Status);

        var missing = new WorkerSharedMemory(
            new PythonOptions { SharedMemoryDirectory = Path.Combine(_directory.FullName, "missing") }, _logs.CreateLogger("test"));
        missing.Prepare();
        Assert.False(missing.Enabled);
        Assert.Null(missing.TryCreate(1 << 20));
        Assert.Contains(_logs.Entries, entry => entry.Message.Contains("shared memory is off", StringComparison.Ordinal));
    }

    [Fact]
    public void StartUpRemovesFilesOfServersThatAreGoneAndOnlyThose()
    {
        // pid 0 is never a process: its file is a dead server's. This process's own file stays.
        var dead = Path.Combine(_directory.FullName, "gymserver-0-abc");
        var live = Path.Combine(_directory.FullName, $"gymserver-{Environment.ProcessId}-abc");
        var other = Path.Combine(_directory.FullName, "unrelated-0-abc");
        foreach (var path in new[] { dead, live, other })
        {
            File.WriteAllBytes(path, [1]);
        }
        Memory(capacity: 1 << 20);
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
    }

    [Fact]
    public void ReplyObservationsComeFromTheSlotAndNeverFromBoth()
    {
        var memory = Memory(capacity: 1 << 20, minimum: 1);
        using var slot = memory.TryCreate(4)!;
        File.WriteAllBytes(slot.Path, [1, 2, 3, 4]);
        slot.Unlink();
        Assert.False(File.Exists(slot.Path));

        var observation = new byte[4];
        var step = new StepCall(7, observation, new EnvInfo(), slot);
        var payload = new byte[9];
        BinaryPrimitives.WriteDoubleLittleEndian(payload, 1.5);
        step.Complete(WorkerFrame.StatusOk, [], payload);
        Assert.True(step.Completion.IsCompletedSuccessfully);
        Assert.Equal([1, 2, 3, 4], observation);
        Assert.Equal(1.5, step.Result.Reward);

        var both = new ResetCall(7, observation, new EnvInfo(), slot);
        both.Complete(WorkerFrame.StatusOk, [], [9, 9, 9, 9]);
        Assert.Contains("observations are in shared memory", both.Completion.Exception!.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReadAfterTheSlotWasReleasedIsWorkerLost()
    {
        var memory = Memory(capacity: 1 << 20, minimum: 1);
        var slot = memory.TryCreate(16)!;
        slot.Unlink();
        slot.Dispose();
        var reset = new ResetCall(3, new byte[16], new EnvInfo(), slot);
        reset.Complete(WorkerFrame.StatusOk, [], []);
        var error = Assert.IsType<EnvException>(reset.Completion.Exception!.InnerException);
        Assert.Equal(EnvErrorCodes.WorkerLost, error.Code);
        Assert.Equal(new SharedMemoryStatus(0, 1 << 20, 0, 0), memory.Status);
    }
}
