/** Reading the audit trail (admins; API.md v2 `GET /api/audit`). */
import { listAudit, type AuditFilter, type AuditRow } from '../db/audit.js';
import { authoriseCaller, type Caller } from './authorise.js';
import type { PipelineDeps } from './context.js';

export function readAudit(deps: Pick<PipelineDeps, 'db'>, caller: Caller, filter: AuditFilter): { items: AuditRow[]; total: number } {
  authoriseCaller(caller, 'audit.read');
  return listAudit(deps.db, filter);
}
