/** Reading the audit trail (admins; API.md v2 `GET /api/audit`). */
import { listAudit, type AuditFilter, type AuditRow } from '../db/audit.js';
import { authoriseCaller, type Caller } from './authorise.js';
import type { PipelineDeps } from './context.js';
import { scopeOf } from './jurisdictions.js';

/** Newest first; an admin of a jurisdiction reads what its jurisdiction's users did. */
export function readAudit(
  deps: Pick<PipelineDeps, 'db' | 'kb'>,
  caller: Caller,
  filter: Omit<AuditFilter, 'jurisdictionId'>,
): { items: AuditRow[]; total: number } {
  authoriseCaller(caller, 'audit.read');
  const scope = scopeOf(deps, caller);
  return listAudit(deps.db, scope ? { ...filter, jurisdictionId: scope.id } : filter);
}
