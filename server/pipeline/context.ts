/**
 * What the use cases need from the composition root (server/deps.ts's AppDeps satisfies it as is):
 * the database, the current knowledge and its reload, the exchange rate.
 */
import type { Db } from '../db/client.js';
import type { Env } from '../env.js';
import type { KnowledgeBase } from '../search/knowledge-base.js';
import type { Plan, PlanLead, PlanOptions } from '../domain/routing/plan.types.js';

export interface PipelineDeps {
  db: Db;
  env: Pick<Env, 'USD_CNY_RATE'>;
  /** The current knowledge base. */
  kb: () => KnowledgeBase;
  /** Rebuilds the knowledge base (in the background) after parks, rules or the taxonomy changed; resolves once it is in use. */
  reloadKnowledge: () => Promise<void>;
  /** Units were placed, reserved or given back (after the transaction): the scorer sees it at once. */
  vacancyChanged: () => void;
  /** Solves a routing plan off the request thread (a scoring worker); without it, plans are solved here. */
  planOffThread?: (task: { leads: PlanLead[]; options: Omit<PlanOptions, 'guessIndustries'> }) => Promise<Plan>;
}

/** The lead-understanding options every use case scores with. */
export const understandingOf = (deps: PipelineDeps) => ({ guessIndustries: deps.kb().guessIndustries, usdCnyRate: deps.env.USD_CNY_RATE });
