// Fault injection for an embedded PostgreSQL cluster of one's own (the hang test and `npm run bench:faults`):
// SIGSTOP to the postmaster and every process it started makes the server hang — connections are accepted by
// the kernel, nothing is ever answered — which is what a frozen VM or a stuck disk looks like to the app.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The postmaster of the cluster in `dataDir` (from its postmaster.pid), then its children (backends, workers). */
export function clusterPids(dataDir) {
  const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  const postmaster = Number(lines[0]);
  // Line 4 is the port: refuse the usual shared server outright, whatever folder was passed.
  if (Number(lines[3]) === 5432) throw new Error(`refusing to touch the PostgreSQL on port 5432 (${dataDir})`);
  if (!(postmaster > 0)) throw new Error(`no running cluster in ${dataDir}`);
  const children = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may contain spaces) start with the state, then the parent pid.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) children.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return [postmaster, ...children];
}

/** Freezes the whole cluster; returns the pids to give to `resumeCluster`. The postmaster first, so it forks no more. */
export function pauseCluster(dataDir) {
  const [postmaster] = clusterPids(dataDir);
  process.kill(postmaster, 'SIGSTOP');
  const pids = clusterPids(dataDir);
  for (const pid of pids.slice(1)) signal(pid, 'SIGSTOP');
  return pids;
}

export function resumeCluster(pids) {
  for (const pid of [...pids].reverse()) signal(pid, 'SIGCONT');
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}
