/**
 * Speed, load time and memory of the n-gram classifier (docs/NGRAM.md): `npx tsx scripts/bench-ngram.ts`.
 * Leads of 100 characters are made from lexicon forms and boilerplate (not from the held-out lead sets).
 */
import { readLexiconData } from '../server/db/lexicon-file.js';
import { readNgramModel } from '../server/db/ngram-file.js';
import { createNgramClassifier } from '../server/text/ngram.js';

import { loadavg } from 'node:os';

console.log(`load average ${loadavg()[0]!.toFixed(2)} (CPU time per call is what counts on a busy machine)`);
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
let t = performance.now();
const model = readNgramModel();
if (!model) throw new Error('data/lexicon/ngram-model.json is missing: run npx tsx scripts/build-ngram.ts');
const tRead = performance.now() - t;
t = performance.now();
const clf = createNgramClassifier(model);
const tCompile = performance.now() - t;
globalThis.gc?.();
const heap1 = process.memoryUsage().heapUsed;
const rss1 = process.memoryUsage().rss;
console.log(`load: read + JSON.parse ${tRead.toFixed(0)} ms, compile ${tCompile.toFixed(0)} ms`);
console.log(`memory after load: heap +${((heap1 - heap0) / 1e6).toFixed(1)} MB, rss +${((rss1 - rss0) / 1e6).toFixed(1)} MB`);

const forms = readLexiconData().lexicon.map((r) => r.form);
const boiler = [
  '某科技公司拟投资5亿元，',
  '计划总投资2.5亿元，新建厂房3万平方米，',
  '主要生产',
  '，年产3000台套，',
  '达产后年产值约8亿元，税收5000万元。',
  '项目用地约50亩，',
];
const leads: string[] = [];
for (let i = 0; i < 500; i++) {
  let s = '';
  let j = i;
  while (s.length < 100) {
    s += boiler[j % boiler.length]! + forms[(j * 7919) % forms.length]!;
    j += 3;
  }
  leads.push(s.slice(0, 100));
}
const shorts = forms.filter((_, i) => i % 10 === 0);

function bench(name: string, items: readonly string[], fn: (s: string) => unknown, rounds: number): void {
  for (const s of items) fn(s); // warm-up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const s of items) fn(s);
  const c = process.cpuUsage(c0);
  const n = rounds * items.length;
  const wall = ((performance.now() - t0) * 1000) / n;
  const cpu = (c.user + c.system) / n;
  console.log(`${name}: ${cpu.toFixed(1)} µs CPU per call (wall ${wall.toFixed(1)} µs; ${n} calls)`);
}

bench('classify, 100-character lead', leads, (s) => clf.classify(s), 20);
bench('classifySpans, 100-character lead', leads, (s) => clf.classifySpans(s), 5);
bench('classifySpans at minP 0.8 (as the lead reading asks), 100-character lead', leads, (s) => clf.classifySpans(s, 0.8), 5);
bench('classify, product word (lexicon form)', shorts, (s) => clf.classify(s), 5);
const noise2k = Array.from({ length: 2000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 2654435761) % 20000))).join('');
bench('classify, 2,000 characters of random Han', [noise2k], (s) => clf.classify(s), 50);
bench('classify, 20,000 characters of random Han', [noise2k.repeat(10)], (s) => clf.classify(s), 5);
