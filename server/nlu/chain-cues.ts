/**
 * Chain cues in staff text: "为微创配套" / "给微创医疗做配套" → serves that firm; "XX的供应商" →
 * supplier of XX (upstream); "上游"/"下游"/"中游" → position. Returns the API's Lead.chain shape.
 */
import { normalizeText } from '../text/normalize.js';

export interface ChainCue {
  name?: string;
  position?: 'upstream' | 'midstream' | 'downstream';
}

const SERVES = /(?:为|给|替)([\p{Script=Han}a-z0-9]{2,16}?)(?:做|搞|提供)?(?:配套|代工|供货)/u;
const SUPPLIER = /(?:是)?([\p{Script=Han}a-z0-9]{2,16}?)的(?:供应商|配套商|配套企业|上游)/u;

export function extractChainCue(text: string): ChainCue | null {
  const t = normalizeText(text);
  const cue: ChainCue = {};
  const serves = SERVES.exec(t);
  const supplier = SUPPLIER.exec(t);
  const name = serves?.[1] ?? supplier?.[1];
  if (name) cue.name = name;
  if (supplier) cue.position = 'upstream';
  if (/下游/.test(t)) cue.position = 'downstream';
  else if (/上游/.test(t) || serves) cue.position ??= 'upstream';
  else if (/中游/.test(t)) cue.position = 'midstream';
  return cue.name || cue.position ? cue : null;
}
