import { describe, it, expect } from 'vitest';
import { parseEnv } from '../server/env.js';

describe('env', () => {
  it('uses the documented defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toBe('data/luodi.db');
    expect(env.DB_SYNCHRONOUS).toBe('FULL');
  });
  it('reads PORT as a number', () => {
    expect(parseEnv({ PORT: '8080' }).PORT).toBe(8080);
  });
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['DB_SYNCHRONOUS', 'OFF'],
    ['USD_CNY_RATE', 'seven'],
  ])('a bad %s=%s stops with a one-line error naming the variable', (name, value) => {
    let message = '';
    try {
      parseEnv({ [name]: value });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(name);
    expect(message.split('\n')).toHaveLength(1);
  });
  it('treats an empty value as unset', () => {
    expect(parseEnv({ PORT: '' }).PORT).toBe(3000);
  });
});
