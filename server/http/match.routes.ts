/** POST /api/match: a lead against every park — gates, explained factors, best spaces. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { scopeOf, scopedDistricts } from '../pipeline/jurisdictions.js';
import { callerOf } from './session.js';
import { MatchRequestSchema } from '../domain/lead.schema.js';
import { bestInPreferred, matchLead } from '../domain/match.js';
import { verdictOf } from '../domain/verdict.js';
import { problem } from './errors.js';
import { presentOutcome, presentPreferred } from './present.js';
import { MatchResponseSchema } from './schemas.js';
import { queryBool, queryInt, validationHook } from './validation.js';

const route = createRoute({
  method: 'post',
  path: '/match',
  tags: ['match'],
  summary: '项目-园区匹配 / score a lead against every park',
  request: {
    query: z.strictObject({ limit: queryInt(1, 200).optional(), includeExcluded: queryBool.optional() }),
    body: { required: true, content: { 'application/json': { schema: MatchRequestSchema } } },
  },
  responses: {
    200: { description: 'ranked parks, eligible first', content: { 'application/json': { schema: MatchResponseSchema } } },
    400: problem('invalid lead'),
  },
});

export function matchRoutes(deps: AppDeps) {
  return new OpenAPIHono({ defaultHook: validationHook }).openapi(route, (c) => {
    const { limit = 10, includeExcluded = false } = c.req.valid('query');
    const { weights, ...asked } = c.req.valid('json');
    const kb = deps.kb();
    // answered within the user's jurisdiction: its districts only
    const scope = scopeOf(deps, callerOf(c));
    const lead = scope ? { ...asked, districts: scopedDistricts(scope, asked.districts) } : asked;
    const opts = { weights, usdCnyRate: deps.env.USD_CNY_RATE, guessIndustries: kb.guessIndustries };
    const outcome = matchLead(lead, kb.k, { ...opts, limit, includeExcluded });
    // no eligible park: the closest excluded ones, explained, are the near misses
    const excluded =
      outcome.eligibleCount === 0 && outcome.excludedCount > 0 && !includeExcluded
        ? matchLead(lead, kb.k, { ...opts, limit: 3, includeExcluded: true }).results
        : outcome.results.filter((r) => r.excluded);
    const judged = verdictOf(outcome, kb.k, excluded);
    // the preferred district's best option, even when it is not among the results shown
    const preferred = judged.verdict.kind === 'unknownIndustry' ? null : bestInPreferred(outcome.features, kb.k, opts);
    return c.json({ ...presentOutcome(outcome, kb.k, judged), preferred: presentPreferred(preferred) }, 200);
  });
}
