/**
 * `npx tsx scripts/build-traditional.ts`: writes server/text/traditional-chars.ts, the traditional → simplified characters
 * normalizeText maps one to one (錶→表, 電→电, 鍍→镀), from OpenCC's TSCharacters table (opencc-js, Apache-2.0; a dev
 * dependency only — the product ships the table it writes). Kept: each traditional character with a single-character first
 * simplified form, both one UTF-16 unit (offsets stay as written), and not itself a simplified character OpenCC converts
 * back (OpenCC's STCharacters keys: 苧, 麽 …), so a simplified text is left as written.
 */
import { writeFileSync } from 'node:fs';
import st from 'opencc-js/dict/STCharacters';
import ts from 'opencc-js/dict/TSCharacters';

const simplifiedKeys = new Set(st.split('|').map((e: string) => e.split(' ')[0]!));
const pairs: string[] = [];
for (const e of ts.split('|')) {
  const [t, s] = e.split(' ') as [string, string];
  if (t.length === 1 && s.length === 1 && t !== s && !simplifiedKeys.has(t)) pairs.push(t + s);
}
pairs.sort();
const out = `/**
 * Traditional → simplified characters, one to one (錶表 電电 鍍镀 …: each pair is the traditional character and its
 * simplified form). Written by scripts/build-traditional.ts from OpenCC's TSCharacters table (opencc-js 1.4.2, Apache-2.0,
 * https://github.com/BYVoid/OpenCC); ${pairs.length} pairs. Do not edit by hand.
 */
export const TRADITIONAL_PAIRS =
  '${pairs.join('')}';
`;
writeFileSync(new URL('../server/text/traditional-chars.ts', import.meta.url), out);
console.log(`server/text/traditional-chars.ts: ${pairs.length} pairs`);
