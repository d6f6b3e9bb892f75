/** A one-line JSON logger to stderr; control characters in values are escaped by JSON.stringify. */
export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export interface Logger {
  debug: (msg: string, detail?: unknown) => void;
  info: (msg: string, detail?: unknown) => void;
  warn: (msg: string, detail?: unknown) => void;
  error: (msg: string, detail?: unknown) => void;
}

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(level: Level, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (l: Exclude<Level, 'silent'>) => (msg: string, detail?: unknown) => {
    if (ORDER[l] < ORDER[level]) return;
    write(JSON.stringify({ t: new Date().toISOString(), level: l, msg, ...(detail === undefined ? {} : { detail }) }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
