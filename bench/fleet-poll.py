#!/usr/bin/env python3
"""Polls a Greenlight server for bench/fleet.sh and prints what it saw as `key value` lines (times in ms).

Every wait polls every 100 ms and gives up at its deadline (exit 1, with `error ...`). The server is GL_URL with the
token GL_TOKEN; T0_NS is the wall clock (date +%s%N) when the measured action was issued. Standard library only.

  fleet ASG KNOWN WANT T0_NS DEADLINE_S
      until exactly WANT instances are InService and none is Pending, Pending:Wait or Terminating*; for the instances
      not in KNOWN (ids listed before the action, comma-separated, or -): when they were first seen Pending,
      Pending:Wait and InService; `new` lists those InService at the end, `lost` those that did not make it.
  replace ASG KNOWN KILLED WANT VERSION SANDBOXES T0_NS DEADLINE_S
      after the agent of KILLED was killed: until KILLED is out of service, a replacement is InService, WANT are
      InService, and http://ADDRESS:18080/version of the replacement answers VERSION from the sample app in the
      replacement's own sandbox (SANDBOXES/ID/root/...; the LISTEN socket is checked in /proc, so an app of another
      run on the same address does not count). A replacement whose launch fails is followed by the next one; `lost`
      lists the failed ones.
  deployment DEADLINE_S ID...
      until the deployments are Succeeded, Failed or Stopped: each one's createTime to completeTime and to startTime
      (joined with /); over all their instances, the median duration of each lifecycle event and of an instance's
      first event start to last event end; and how many events lasted 9.5 s or more (the sample's hooks take well
      under 2 s, so those waited for the agent's next poll, 10 s in production).
  launch-deployments APP GROUP ID...
      the ids of the launch deployments (creator autoscaling) of those instances.
"""
import json
import os
import re
import statistics
import sys
import time
import urllib.request
from datetime import datetime

URL = os.environ["GL_URL"].rstrip("/") + "/api/v1"
TOKEN = os.environ["GL_TOKEN"]
TICK = 0.1


def get(path):
    request = urllib.request.Request(URL + path, headers={"Authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def now_ms(t0_ns):
    return (time.time_ns() - t0_ns) / 1e6


def iso_ms(text):
    """Milliseconds since the epoch of an ISO 8601 time (any number of fraction digits, Z or +hh:mm)."""
    base, fraction, zone = re.fullmatch(r"(.+T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)", text).groups()
    seconds = datetime.fromisoformat(base + ("+00:00" if zone == "Z" else zone)).timestamp()
    return seconds * 1000 + float("0." + (fraction or "0")) * 1000


def say(key, value):
    print(key, value if not isinstance(value, float) else f"{value:.0f}")


def fail(message):
    print("error", message)
    print(f"fleet-poll.py {' '.join(sys.argv[1:2])}: {message}", file=sys.stderr)
    sys.exit(1)


def instances(asg):
    return get(f"/auto-scaling-groups/{asg}/instances")["instances"]


def fleet(asg, known, want, t0_ns, deadline_s):
    want, t0_ns, deadline = int(want), int(t0_ns), time.monotonic() + float(deadline_s)
    before = set(known.split(","))
    seen = {}
    while True:
        now = now_ms(t0_ns)
        listed = instances(asg)
        for i in listed:
            if i["instanceId"] not in before:
                seen.setdefault(i["instanceId"], {}).setdefault(i["lifecycleState"], now)
        states = [i["lifecycleState"] for i in listed]
        if states.count("InService") == want and all(s in ("InService", "Terminated") for s in states):
            break
        if time.monotonic() > deadline:
            fail(f"after {deadline_s} s: {', '.join(sorted(states))}")
        time.sleep(TICK)
    say("total", now)
    for state, key in (("Pending", "pending"), ("Pending:Wait", "polled"), ("InService", "inservice")):
        times = [s[state] for s in seen.values() if state in s]
        if times:
            say(key + "_first", min(times))
            say(key + "_last", max(times))
    in_service = {i["instanceId"] for i in listed if i["lifecycleState"] == "InService"}
    say("new", " ".join(sorted(i for i in seen if i in in_service)))
    say("lost", " ".join(sorted(i for i in seen if i not in in_service)))


def listening_pid(address, port, candidates):
    """The PID among candidates holding the LISTEN socket on address:port (IPv4), from /proc/net/tcp."""
    octets = [int(o) for o in address.split(".")]
    local = "%02X%02X%02X%02X:%04X" % (octets[3], octets[2], octets[1], octets[0], port)
    inodes = set()
    with open("/proc/net/tcp") as tcp:
        for line in tcp.readlines()[1:]:
            fields = line.split()
            if fields[1] == local and fields[3] == "0A":
                inodes.add("socket:[%s]" % fields[9])
    for pid in candidates:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") in inodes:
                    return pid
        except OSError:
            continue
    return None


def sample_pids(sandbox):
    """PIDs of the sample apps installed in that instance sandbox."""
    needle = os.path.join(sandbox, "root/opt/greenlight-sample/greenlight-sample.dll").encode()
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if needle in f.read():
                        found.append(int(entry))
            except OSError:
                pass
    return found


def serves(address, version, sandbox):
    try:
        with urllib.request.urlopen(f"http://{address}:18080/version", timeout=1) as response:
            body = response.read().decode().strip()
    except OSError:
        return False
    return body == version and listening_pid(address, 18080, sample_pids(sandbox)) is not None


def replace(asg, known, killed, want, version, sandboxes, t0_ns, deadline_s):
    want, t0_ns, deadline = int(want), int(t0_ns), time.monotonic() + float(deadline_s)
    before = set(known.split(","))
    marks, attempts = {}, {}
    replacement = None
    while True:
        now = now_ms(t0_ns)
        listed = instances(asg)
        by_id = {i["instanceId"]: i for i in listed}
        if by_id.get(killed, {}).get("lifecycleState") != "InService":
            marks.setdefault("out_of_service", now)
        # A launch that fails (its launch deployment abandons it) is retried with a new instance: follow the newest.
        fresh = [i for i in listed if i["instanceId"] not in before]
        for i in fresh:
            attempts.setdefault(i["instanceId"], i["lifecycleState"])
        alive = [i for i in fresh if not i["lifecycleState"].startswith("Terminat")]
        if fresh:
            marks.setdefault("launched", now)
        if alive:
            replacement = alive[-1]
            state = replacement["lifecycleState"]
            if state != "Pending":
                marks.setdefault("polled", now)
            if state == "InService":
                marks.setdefault("inservice", now)
            if "serving" not in marks and serves(replacement["address"], version, os.path.join(sandboxes, replacement["instanceId"])):
                marks["serving"] = now
        in_service = sum(1 for i in listed if i["lifecycleState"] == "InService")
        if "inservice" in marks and "serving" in marks and in_service == want:
            break
        if time.monotonic() > deadline:
            fail(f"after {deadline_s} s: {sorted(marks)} reached; replacements {', '.join(f'{i} {s}' for i, s in attempts.items())}")
        time.sleep(TICK)
    for key in ("out_of_service", "launched", "polled", "serving", "inservice"):
        say(key, marks[key])
    say("total", now)
    say("replacement", f"{replacement['instanceId']} {replacement['address']}")
    say("lost", " ".join(i for i in attempts if i != replacement["instanceId"]))


def targets(deployment_id):
    return [t["instanceTarget"] for t in get(f"/deployments/{deployment_id}/targets")["deploymentTargets"]]


def deployment(deadline_s, *deployment_ids):
    deadline = time.monotonic() + float(deadline_s)
    infos = []
    for deployment_id in deployment_ids:
        while True:
            info = get(f"/deployments/{deployment_id}")["deploymentInfo"]
            if info["status"] in ("Succeeded", "Failed", "Stopped"):
                break
            if time.monotonic() > deadline:
                fail(f"after {deadline_s} s: {deployment_id} {info['status']} ({info.get('statusReason')})")
            time.sleep(TICK)
        infos.append(info)
    say("status", next((i["status"] for i in infos if i["status"] != "Succeeded"), "Succeeded"))
    say("ms", "/".join(f"{iso_ms(i['completeTime']) - iso_ms(i['createTime']):.0f}" for i in infos))
    say("start_ms", "/".join(f"{iso_ms(i['startTime']) - iso_ms(i['createTime']):.0f}" if i.get("startTime") else "-" for i in infos))
    events, spans, stalled, total, count = {}, [], 0, 0, 0
    for deployment_id in deployment_ids:
        for target in targets(deployment_id):
            count += 1
            for e in target["lifecycleEvents"]:
                if e["status"] == "Failed":
                    d = e.get("diagnostics") or {}
                    tail = " | ".join((d.get("logTail") or "").strip().splitlines()[-3:])
                    say("failed", f"{target['targetId']} {e['lifecycleEventName']}: {d.get('errorCode')} {d.get('message')} [{tail}]")
            timed = [(e["lifecycleEventName"], iso_ms(e["startTime"]), iso_ms(e["endTime"])) for e in target["lifecycleEvents"]
                     if e.get("startTime") and e.get("endTime")]
            for name, start, end in timed:
                events.setdefault(name, []).append(end - start)
                total += name not in ("Start", "End")
                stalled += end - start >= 9500
            if timed:
                spans.append(timed[-1][2] - timed[0][1])
    say("targets", count)
    for name, durations in events.items():
        say("event." + name, statistics.median(durations))
    if spans:
        say("span_median", statistics.median(spans))
    say("stalled", f"{stalled}/{total}")


def launch_deployments(app, group, *instance_ids):
    wanted, found = set(instance_ids), []
    for deployment_id in get(f"/deployments?applicationName={app}&deploymentGroupName={group}")["deployments"]:
        info = get(f"/deployments/{deployment_id}")["deploymentInfo"]
        if info.get("creator") == "autoscaling" and {t["targetId"] for t in targets(deployment_id)} & wanted:
            found.append(deployment_id)
    if len(found) < len(wanted):
        fail(f"{len(found)} launch deployments found for {len(wanted)} instances")
    say("ids", " ".join(found))


if __name__ == "__main__":
    commands = {"fleet": fleet, "replace": replace, "deployment": deployment, "launch-deployments": launch_deployments}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    commands[sys.argv[1]](*sys.argv[2:])
