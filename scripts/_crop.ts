import { readFileSync } from 'node:fs';
import { launchChromium } from '../test/e2e/browser.js';
const [file, w, h, ...offs] = process.argv.slice(2);
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
const data = readFileSync(file!).toString('base64');
await p.setContent(`<body style="margin:0"><img id=i style="display:block" src="data:image/png;base64,${data}"></body>`);
for (const o of offs) {
  await p.evaluate((y) => window.scrollTo(0, y), Number(o));
  await p.screenshot({ path: `/tmp/crop-${o}.png` });
}
await b.close();
