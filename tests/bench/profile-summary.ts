// npx tsx tests/bench/profile-summary.ts <file.cpuprofile | profile folder> [--top 40] [--match <regex>]
//
// Sums a V8 CPU profile written by `npm run bench -- --profile` (next start with --cpu-prof): the share of CPU
// per kind of code (garbage collection, React's server render, Next, Drizzle, pg, Node, our code), then the
// functions with the most self time and the most total time (each sample counted once per function on its
// stack). Build with NEXT_SERVER_MINIFY=0 for readable names. --match keeps only the samples whose stack holds a
// function or file matching the regex (e.g. one page's component); --callers <regex> lists who calls the functions
// matching it (their nearest callers outside Node's own files, 4 frames deep).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

type Frame = { functionName: string; url: string; lineNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const argv = process.argv.slice(2);
const option = (name: string) => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv.splice(index, 2)[1] : undefined;
};
const top = Number(option('--top') ?? 40);
const matchText = option('--match');
const callersText = option('--callers');
const callersOf = callersText ? new RegExp(callersText) : null;
const match = matchText ? new RegExp(matchText) : null;
const target = argv[0];
if (!target) {
  console.error('usage: tsx tests/bench/profile-summary.ts <file.cpuprofile | folder> [--top 40] [--match <regex>]');
  process.exit(1);
}
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => path.join(target, name))
  : [target];

/** The kind of code a frame belongs to, from its file (server chunks hold our code and what Turbopack bundled). */
function kind(frame: Frame): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8 / native (program)';
  if (/react-dom|react-server-dom|react\.production|react-server\./.test(url)) return 'React';
  if (/drizzle-orm/.test(url)) return 'Drizzle';
  if (/node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-)/.test(url)) return 'pg';
  if (/node_modules\/(next-auth|jose|@panva|openid)/.test(url)) return 'next-auth / jose';
  if (/node_modules\/zod/.test(url)) return 'zod';
  if (/node_modules\/next\//.test(url)) return 'Next';
  if (url.startsWith('node:') || url === '') return 'Node / builtins';
  if (/\/server\/chunks\/|\/server\/app\//.test(url)) return 'server chunks (ours + bundled)';
  if (/node_modules\//.test(url)) return `other packages`;
  return 'other';
}

const label = (frame: Frame) =>
  `${frame.functionName || '(anonymous)'}  ${frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''}`;

const selfByFunction = new Map<string, number>();
const totalByFunction = new Map<string, number>();
const byKind = new Map<string, number>();
const callers = new Map<string, number>();
let all = 0;
let kept = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stacks = new Map<number, Node[]>();
  const stackOf = (id: number): Node[] => {
    let stack = stacks.get(id);
    if (stack) return stack;
    stack = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    stacks.set(id, stack);
    return stack;
  };
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    all += micros;
    const stack = stackOf(id);
    if (match && !stack.some((node) => match.test(node.callFrame.functionName) || match.test(node.callFrame.url)))
      return;
    kept += micros;
    const frame = stack[0]!.callFrame;
    selfByFunction.set(label(frame), (selfByFunction.get(label(frame)) ?? 0) + micros);
    byKind.set(kind(frame), (byKind.get(kind(frame)) ?? 0) + micros);
    if (callersOf && callersOf.test(frame.functionName)) {
      const chain = stack
        .slice(1)
        .filter(
          (node) => node.callFrame.url && !/^node:|^(internal|task_queues|timers|async_hooks)/.test(node.callFrame.url),
        )
        .slice(0, 4)
        .map((node) => label(node.callFrame).replace(/\s+/g, ' '))
        .join(' ← ');
      callers.set(chain, (callers.get(chain) ?? 0) + micros);
    }
    for (const name of new Set(stack.map((node) => label(node.callFrame))))
      totalByFunction.set(name, (totalByFunction.get(name) ?? 0) + micros);
  });
}

const busy = kept - (byKind.get('idle') ?? 0);
const share = (micros: number) => `${((micros / busy) * 100).toFixed(1).padStart(5)} %`;
const msText = (micros: number) => `${(micros / 1000).toFixed(0).padStart(7)} ms`;
console.log(
  `${files.length} profile(s), ${(all / 1e6).toFixed(1)} s sampled` +
    (match ? `, ${(kept / 1e6).toFixed(1)} s under /${matchText}/` : '') +
    `, ${(busy / 1e6).toFixed(1)} s busy (shares below are of busy time)\n`,
);
console.log('self time by kind of code');
for (const [name, micros] of [...byKind].filter(([name]) => name !== 'idle').sort((a, b) => b[1] - a[1]))
  console.log(`  ${share(micros)} ${msText(micros)}  ${name}`);
const list = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    if (!name.startsWith('(idle)')) console.log(`  ${share(micros)} ${msText(micros)}  ${name}`);
};
list(`top ${top} functions by self time`, selfByFunction);
list(`top ${top} functions by total time (self + callees)`, totalByFunction);
if (callersOf) list(`callers of /${callersText}/`, callers);
