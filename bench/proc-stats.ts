import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size of process `pid` in bytes, from /proc/<pid>/status (VmRSS). */
export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** The soft limit on open files of process `pid` (default this one), from /proc/<pid>/limits. */
export function openFileLimit(pid: number | 'self' = 'self'): number {
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
  if (!match?.[1] || match[1] === 'unlimited') return Number.MAX_SAFE_INTEGER;
  return Number(match[1]);
}

/** Open file descriptors of process `pid` (0 when it is gone). */
export function openFiles(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}
