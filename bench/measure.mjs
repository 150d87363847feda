// One timed run of a command, with the CPU time and peak memory of every process it starts, including
// those that outlive it (a service process left running is work the user's machine still does). Linux
// only: the process tree is sampled from /proc every few milliseconds.
//
// - wall: from spawn to the command's own exit (what a user or a hook waits for);
// - cpu: user + system time of each process of the tree, as last sampled, summed;
// - peak: the largest sum of the tree's resident memory seen in one sample.
//
// Sampling misses at most one interval of each process's last CPU time, and processes that live less
// than one interval; both are small against the commands measured (tens of milliseconds at least).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const TICK = 100; // USER_HZ: /proc reports CPU time in 1/100 s on Linux
const PAGE = 4096;
const INTERVAL_MS = 5;

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "latin1");
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], cpu: (Number(fields[11]) + Number(fields[12])) / TICK, rss: Number(fields[21]) * PAGE, start: fields[19] };
  } catch {
    return undefined;
  }
}

function children(pid) {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, "latin1").trim();
    return tasks ? tasks.split(" ").map(Number) : [];
  } catch {
    return [];
  }
}

/** Run `command` with `args` in `cwd`; resolves to { wall, cpu, peak, status, stdout, stderr } (seconds, bytes). */
export function measure(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    /** pid -> { start, cpu } of every process seen in the tree; a pid reused by another process is a new entry. */
    const seen = new Map();
    let peak = 0;
    let wall;
    let status;
    const sample = () => {
      let rss = 0;
      const queue = wall === undefined ? [child.pid] : [];
      // Processes seen before stay tracked after their parent exits (reparented to init).
      for (const pid of seen.keys()) queue.push(pid);
      const visited = new Set();
      let others = false;
      while (queue.length > 0) {
        const pid = queue.pop();
        if (visited.has(pid)) continue;
        visited.add(pid);
        const s = stat(pid);
        if (!s || s.state === "Z") continue;
        const known = seen.get(pid);
        if (known && known.start !== s.start) continue; // the pid now belongs to someone else
        seen.set(pid, { start: s.start, cpu: s.cpu });
        rss += s.rss;
        if (pid !== child.pid) others = true;
        queue.push(...children(pid));
      }
      peak = Math.max(peak, rss);
      return others;
    };
    const timer = setInterval(() => {
      const others = sample();
      if (wall !== undefined && !others) finish();
    }, INTERVAL_MS);
    const finish = () => {
      clearInterval(timer);
      const cpu = [...seen.values()].reduce((sum, p) => sum + p.cpu, 0);
      resolve({ wall, cpu, peak, status, stdout, stderr });
    };
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("exit", (code) => {
      wall = Number(process.hrtime.bigint() - start) / 1e9;
      status = code;
    });
    sample();
  });
}
