"""Run a command and report its exit status, wall time, CPU time and peak memory, from a process
small enough not to count (`python -S benchmarks/launch.py RESULT TIMEOUT COMMAND...`).

Why not wait4 in the benchmark itself: on Linux a child's peak resident memory (ru_maxrss)
starts at its parent's size at the fork, and exec keeps it, so a benchmark that has built a
large input in memory sees every later command as at least that large. Forked from this
launcher (about 10 MB, no site packages), the command's figure is its own. The result file gets
one line: exit status (as waitpid gives it), wall seconds, CPU seconds, peak MB. A command
still running after TIMEOUT seconds is killed with its process group (exit -9).

    from benchmarks.launch import launched
    status, seconds, cpu, megabytes = launched([...], timeout=60)
"""

from __future__ import annotations

import os
import sys
import time


def main(result: str, timeout: float, command: list[str]) -> None:
    import signal

    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)  # its own group, so that a timeout kills what it started too
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    signal.signal(signal.SIGALRM, lambda *_: os.killpg(pid, signal.SIGKILL))
    signal.setitimer(signal.ITIMER_REAL, timeout)
    _, status, usage = os.wait4(pid, 0)
    signal.setitimer(signal.ITIMER_REAL, 0)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    with open(result, "w", encoding="utf-8") as file:
        file.write(f"{status} {seconds} {cpu} {usage.ru_maxrss / 1024}\n")


def launched(
    command: list[str], result: str, timeout: float, **popen: object
) -> tuple[int, float, float, float]:
    """Run `command` through this launcher (killed with what it started after `timeout`
    seconds): its exit code, wall and CPU seconds, and peak MB. `popen` goes to
    subprocess.run (cwd, env, stdout, stderr)."""
    import subprocess

    launcher = [sys.executable, "-S", os.path.abspath(__file__), result, str(timeout), *command]
    subprocess.run(launcher, check=True, **popen)  # type: ignore[call-overload]
    with open(result, encoding="utf-8") as file:
        status, seconds, cpu, megabytes = file.read().split()
    return os.waitstatus_to_exitcode(int(status)), float(seconds), float(cpu), float(megabytes)


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), sys.argv[3:])
