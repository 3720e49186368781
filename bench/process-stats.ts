import fs from "node:fs";

/** CPU seconds a process has used so far (user + system), from /proc; null elsewhere. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null;
  }
}

/**
 * Waits until the processes together use (almost) no CPU (one clock tick per process at most) for
 * `samples` intervals in a row, or `maxSeconds` have passed; returns the seconds waited.
 */
export async function waitUntilIdle(pids: number[], maxSeconds: number, intervalMs = 500, samples = 4): Promise<number> {
  const started = performance.now();
  const total = () => pids.reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
  let quietSamples = 0;
  let last = total();
  while (quietSamples < samples && performance.now() - started < maxSeconds * 1000) {
    await pause(intervalMs);
    const current = total();
    quietSamples = current - last <= 0.01 * pids.length ? quietSamples + 1 : 0;
    last = current;
  }
  return (performance.now() - started) / 1000;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
