/** exceljs takes ~0.6 s to load, so it is loaded on first use (an upload or an XLSX export), not at start-up. */
import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);
let loaded: typeof ExcelJSModule | null = null;

export function excel(): typeof ExcelJSModule {
  loaded ??= require('exceljs') as typeof ExcelJSModule;
  return loaded;
}
