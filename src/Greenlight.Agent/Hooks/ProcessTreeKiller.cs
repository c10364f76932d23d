using System.Text;
using Greenlight.Agent.Native;

namespace Greenlight.Agent.Hooks;

/// <summary>
/// Finds and kills every process of a hook's tree, without cgroups (this host has no systemd; reliability.md F6).
/// A process belongs to the tree when any of these holds, re-checked on every pass over <c>/proc</c>:
/// it is the script itself (pid and start time match); its parent belongs to the tree; it is in the script's
/// process group or session (the script runs under <c>setsid</c>, so both ids equal its pid, and Linux does not
/// reuse a pid while a group or session of that id has members); or its environment holds the run marker.
/// The agent is a child subreaper, so a double-forked daemon whose parent died is re-parented to the agent and
/// stays visible; the marker also finds it when it was re-parented elsewhere (after an agent restart). While the
/// script is the only one running in the agent, every orphan adopted by the agent since the script started, outside
/// the agent's session, is counted in too, so even a daemon that left the session and cleared its environment is
/// found. With scripts running concurrently, or after a restart, such a daemon escapes: cgroups would be needed.
/// </summary>
internal static class ProcessTreeKiller
{
    private static readonly Lazy<int> SubreaperErrno = new(LibC.SetChildSubreaper);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan KillDeadline = TimeSpan.FromSeconds(3);

    private static readonly Lock ScriptsLock = new();
    private static readonly HashSet<int> RunningScripts = [];

    /// <summary>Starts a script's process and remembers its pid until <see cref="Forget"/>, so <see cref="ReapOrphans"/> leaves it to .NET.</summary>
    public static void Start(System.Diagnostics.Process process)
    {
        lock (ScriptsLock)
        {
            process.Start();
            RunningScripts.Add(process.Id);
        }
    }

    /// <summary>Called once .NET has reaped the script's process.</summary>
    public static void Forget(int pid)
    {
        lock (ScriptsLock)
        {
            RunningScripts.Remove(pid);
        }
    }

    /// <summary>
    /// An orphan the agent adopted as subreaper: its child, outside the agent's session (agent code starts no other
    /// children under <c>setsid</c>), not a script, started no earlier than the script. While only one script runs,
    /// it can only come from that script's tree, even if it left the session and cleared its environment.
    /// </summary>
    private static bool IsOrphanSince(ProcEntry e, int self, int agentSession, long scriptStart) =>
        e.ParentPid == self && e.Session != agentSession && scriptStart > 0 && e.StartTime >= scriptStart && !IsRunningScript(e.Pid);

    private static bool OnlyRunningScriptIs(int pid)
    {
        lock (ScriptsLock)
        {
            return RunningScripts.Count == 1 && RunningScripts.Contains(pid);
        }
    }

    private static bool IsRunningScript(int pid)
    {
        lock (ScriptsLock)
        {
            return RunningScripts.Contains(pid);
        }
    }

    /// <summary>See <see cref="HookRunner.ReapOrphans"/>.</summary>
    public static int ReapOrphans()
    {
        var self = Environment.ProcessId;
        var session = ProcEntry.TryRead(self)?.Session;
        var reaped = 0;
        lock (ScriptsLock)
        {
            foreach (var e in ProcEntry.ReadAll())
            {
                if (e.ParentPid == self && e.IsZombie && e.Session != session && !RunningScripts.Contains(e.Pid)
                    && LibC.WaitPid(e.Pid, out _, LibC.WNoHang) == e.Pid)
                {
                    reaped++;
                }
            }
        }

        return reaped;
    }

    /// <summary>Sets <c>PR_SET_CHILD_SUBREAPER</c> on the agent once; returns the errno (0 when it is set).</summary>
    public static int EnsureSubreaper() => SubreaperErrno.Value;

    /// <summary>
    /// SIGTERM to the script's process group and every member found, up to <paramref name="termGrace"/> for them
    /// to exit, then SIGKILL to every member until none is left alive (or a few seconds pass). Zombies re-parented
    /// to the agent are reaped, except <paramref name="ownedPid"/> (the script, which <see cref="System.Diagnostics.Process"/> reaps).
    /// Returns whether every member is gone.
    /// </summary>
    public static async Task<bool> KillTreeAsync(HookProcessRecord root, TimeSpan termGrace, int? ownedPid)
    {
        var tree = new Tree(root);
        var alive = tree.Refresh(ownedPid);
        if (alive.Count == 0)
        {
            return true;
        }

        Signal(root, alive, LibC.SigTerm);
        var graceEnd = DateTime.UtcNow + termGrace;
        while (alive.Count > 0 && DateTime.UtcNow < graceEnd)
        {
            await Task.Delay(PollInterval).ConfigureAwait(false);
            alive = tree.Refresh(ownedPid);
        }

        var killEnd = DateTime.UtcNow + KillDeadline;
        while (alive.Count > 0)
        {
            Signal(root, alive, LibC.SigKill);
            if (DateTime.UtcNow > killEnd)
            {
                return false;
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
            alive = tree.Refresh(ownedPid);
        }

        return true;
    }

    /// <summary>SIGKILLs every process that holds one of the given pipes open, other than the agent itself.</summary>
    public static int KillPipeHolders(IReadOnlySet<string> pipeLinks)
    {
        var self = Environment.ProcessId;
        var killed = 0;
        foreach (var entry in ProcEntry.ReadAll())
        {
            if (entry.Pid != self && !entry.IsZombie && HoldsAny(entry.Pid, pipeLinks))
            {
                killed += LibC.Kill(entry.Pid, LibC.SigKill) == 0 ? 1 : 0;
            }
        }

        return killed;
    }

    private static bool HoldsAny(int pid, IReadOnlySet<string> pipeLinks)
    {
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && pipeLinks.Contains(target))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process exited while we looked.
        }

        return false;
    }

    /// <summary>
    /// Signals the script's process group (atomically, so a member forked since the last scan is included), but only
    /// while a known member is still in it: after an agent restart the pid may name someone else's group by now.
    /// Then signals every member found.
    /// </summary>
    private static void Signal(HookProcessRecord root, List<ProcEntry> processes, int signal)
    {
        if (processes.Exists(p => p.ProcessGroup == root.Pid))
        {
            _ = LibC.Kill(-root.Pid, signal);
        }

        foreach (var p in processes)
        {
            _ = LibC.Kill(p.Pid, signal);
        }
    }

    /// <summary>The tree's members, kept by pid and start time across passes so a reused pid is never taken for one.</summary>
    private sealed class Tree(HookProcessRecord root)
    {
        private readonly Dictionary<int, long> _members = new() { [root.Pid] = root.StartTime };
        private readonly byte[] _marker = Encoding.UTF8.GetBytes($"{HookRunner.RunMarkerVariable}={root.RunMarker}\0");

        /// <summary>Re-reads <c>/proc</c>, grows the member set to a fixpoint, reaps dead members and returns the live ones.</summary>
        public List<ProcEntry> Refresh(int? ownedPid)
        {
            var self = Environment.ProcessId;
            var all = ProcEntry.ReadAll();
            var agentSession = all.Find(e => e.Pid == self).Session;
            var adoptOrphans = ownedPid is { } owned && OnlyRunningScriptIs(owned);
            var table = all.Where(e => e.Pid != self && e.Pid != 1).ToList();
            var inTree = new Dictionary<int, ProcEntry>();
            bool changed;
            do
            {
                changed = false;
                var groupKnown = inTree.Values.Any(m => m.ProcessGroup == root.Pid || m.Session == root.Pid);
                foreach (var e in table)
                {
                    if (inTree.ContainsKey(e.Pid))
                    {
                        continue;
                    }

                    var member = (_members.TryGetValue(e.Pid, out var start) && start == e.StartTime)
                        || inTree.ContainsKey(e.ParentPid)
                        || (groupKnown && (e.ProcessGroup == root.Pid || e.Session == root.Pid))
                        || (adoptOrphans && IsOrphanSince(e, self, agentSession, root.StartTime))
                        || (!e.IsZombie && ProcEntry.EnvironmentContains(e.Pid, _marker));
                    if (member)
                    {
                        inTree[e.Pid] = e;
                        _members[e.Pid] = e.StartTime;
                        changed = true;
                    }
                }
            }
            while (changed);

            var alive = new List<ProcEntry>();
            foreach (var e in inTree.Values)
            {
                if (!e.IsZombie)
                {
                    alive.Add(e);
                }
                else if (e.ParentPid == self && e.Pid != ownedPid && !IsRunningScript(e.Pid))
                {
                    // An orphan re-parented to us (the subreaper): nobody else will wait for it.
                    _ = LibC.WaitPid(e.Pid, out _, LibC.WNoHang);
                }
            }

            return alive;
        }
    }
}
