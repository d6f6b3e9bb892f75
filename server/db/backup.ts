/**
 * An online backup of the live database through SQLite's backup API (better-sqlite3's `backup`):
 * safe while the server runs and a job scores. The copy is read in one step under one read
 * transaction (WAL: the writer is never blocked), so it is a consistent snapshot and never restarts
 * because a batch was committed meanwhile; it is written beside the target, checked with
 * `PRAGMA integrity_check`, and only then renamed into place.
 */
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';

export interface BackupReport {
  file: string;
  bytes: number;
  pages: number;
  ms: number;
  integrity: string;
  parks: number;
  jobs: number;
}

export async function backupDatabase(source: string, dest: string): Promise<BackupReport> {
  if (!existsSync(source)) throw new Error(`数据库文件不存在 / no database at ${source}`);
  const part = `${dest}.part`;
  rmSync(part, { force: true });
  const t0 = performance.now();
  const src = new Database(source, { readonly: true, fileMustExist: true });
  let pages = 0;
  try {
    src.pragma('busy_timeout = 5000');
    // after the first step, copy everything that is left in one step: one snapshot, no restart
    await src.backup(part, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return Math.max(totalPages * 2, 100);
      },
    });
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  } finally {
    src.close();
  }
  const copy = new Database(part);
  let integrity: string;
  let parks = 0;
  let jobs = 0;
  try {
    copy.pragma('journal_mode = DELETE'); // one self-contained file: nothing to copy beside it
    integrity = String(copy.pragma('integrity_check', { simple: true }));
    parks = Number(copy.prepare('SELECT count(*) AS n FROM parks').pluck().get());
    jobs = Number(copy.prepare('SELECT count(*) AS n FROM jobs').pluck().get());
    pages ||= Number(copy.pragma('page_count', { simple: true }));
  } finally {
    copy.close();
  }
  if (integrity !== 'ok') {
    rmSync(part, { force: true });
    throw new Error(`备份校验失败 / the copy failed integrity_check: ${integrity}`);
  }
  renameSync(part, dest);
  return { file: dest, bytes: statSync(dest).size, pages, ms: Math.round(performance.now() - t0), integrity, parks, jobs };
}
