/** The routing plan's input and output (pure data; reasons are codes rendered at the edge). */
import type { Lead } from '../lead.schema.js';
import type { UnderstandOptions } from '../lead.features.js';
import type { SpaceSeed } from '../space.schema.js';
import type { Stage } from '../pipeline.schema.js';
import type { ReviewLevel } from './review-level.js';
import type { AnyReason } from './routing.reasons.js';

export interface PlanLead {
  id: string;
  lead: Lead;
  stage: Stage;
  /** When the lead was reported (ISO time): first come, first served order; ties break on id. */
  reportedAt: string;
  /** Where the lead is now: its park and the space it holds (a held space is no longer in the vacancy). */
  current?: { parkId: string; space: SpaceSeed | null } | null;
}

export interface PlanOptions extends UnderstandOptions {
  districts?: readonly string[];
  excludedDistricts?: readonly string[];
  /** Destinations scoring below this are not offered (default 0). */
  minScore?: number;
  /** A unit serves a need when its fit is at least this (default 0.5). */
  minSpaceFit?: number;
  /** Edges per lead handed to the solver before pricing (default 32); speed only, never the result. */
  candidatesPerLead?: number;
}

export interface PlannedSpace {
  id: string;
  building: string;
  floor: number;
  areaM2: number;
  landMu: number | null;
  kind: SpaceSeed['kind'];
  fit: number;
  source: string;
}

export interface PlanAssignment {
  leadId: string;
  leadName: string;
  parkId: string;
  parkName: string;
  district: string;
  toTown: string;
  spaceId: string | null;
  space: PlannedSpace | null;
  /** 0..100, one decimal: the match score with this unit. */
  score: number;
  /** 报送镇街: the first-talk town, which keeps the credit. */
  sourceTown: string | null;
  /** Where the lead is now: its current park's town, else the reporting town. */
  fromTown: string | null;
  creditTown: string | null;
  crossTown: boolean;
  /** The lead's best destination on its own (before others compete). */
  firstChoice: { parkId: string; parkName: string; score: number } | null;
  current: { parkId: string; spaceId: string | null } | null;
  /** False when the plan keeps the lead where it is. */
  changed: boolean;
  reviewLevel: ReviewLevel | null;
  reasons: AnyReason[];
}

export type UnassignedCode = 'notOpen' | 'outOfScope' | 'banned' | 'noEligible' | 'noFittingSpace' | 'belowMinScore' | 'outcompeted';

export interface RuleRef {
  ruleId: string;
  name: string;
  reason: string;
  source: string;
}

export interface PlanUnassigned {
  leadId: string;
  leadName: string;
  code: UnassignedCode;
  reason: AnyReason;
  /** The rules that rule the lead out (banned / noEligible). */
  rules: RuleRef[];
  current: { parkId: string; spaceId: string | null } | null;
}

/** A unit that several leads want most; who the plan gives it to. */
export interface PlanConflict {
  spaceId: string;
  parkId: string;
  parkName: string;
  wantedBy: string[];
  givenTo: string | null;
}

export interface Plan {
  assignments: PlanAssignment[];
  unassigned: PlanUnassigned[];
  totalScore: number;
  /** First come, first served on the same leads and vacancy. */
  baseline: { totalScore: number; assigned: number; crossTown: number };
  conflicts: PlanConflict[];
  stats: {
    leads: number;
    /** Leads that compete for units (those that state a space need). */
    competing: number;
    candidateEdges: number;
    /** Solver runs after the first one, each adding edges that pricing showed could help. */
    pricingRounds: number;
    addedEdges: number;
    crossTown: number;
    /** Always true: the duals prove no other plan on the full graph scores more. */
    exact: boolean;
  };
}
