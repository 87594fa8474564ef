/** A process and its descendants as /proc shows them (Linux): what the benchmarks measure memory and CPU of. */
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  /** User + system CPU seconds so far. */
  cpu: number;
}

/** USER_HZ: /proc counts CPU time in ticks of 1/100 s on Linux. */
const TICKS = 100;

export function listProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = text.lastIndexOf(")");
      const fields = text.slice(close + 2).split(" ");
      out.push({ pid: Number(entry), name: text.slice(text.indexOf("(") + 1, close), ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

/** `root` and every process below it, root first; empty once root has ended. */
export function processTree(root: number, processes = listProcesses()): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const self = processes.find((p) => p.pid === root);
  const tree: ProcessInfo[] = [];
  for (const queue = self ? [self] : []; queue.length; ) {
    const p = queue.shift()!;
    tree.push(p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return tree;
}

/** Resident memory of one process in KiB; 0 once it has ended. */
export function rssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
