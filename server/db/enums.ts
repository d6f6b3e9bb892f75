/**
 * The contract's enums at the repository boundary: a stored text column becomes the enum of
 * domain/pipeline.schema.ts, or the read fails loudly (a value outside the enum is a damaged row).
 */
import { ROUTING_STATUSES, STAGES, type RoutingStatus, type Stage } from '../domain/pipeline.schema.js';

function member<T extends string>(values: readonly T[], what: string, v: string): T {
  const found = values.find((x) => x === v);
  if (found === undefined) throw new Error(`stored ${what} "${v}" is not one of ${values.join(', ')}`);
  return found;
}

export const asStage = (v: string): Stage => member(STAGES, 'stage', v);
export const asRoutingStatus = (v: string): RoutingStatus => member(ROUTING_STATUSES, 'routing status', v);
