import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../src/config/env.ts';

describe('configuration', () => {
  it('fills in the documented defaults', () => {
    expect(loadEnv({})).toMatchObject({
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/unani_cdss',
      PORT: 3000,
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadEnv({ PORT: '' }).PORT).toBe(3000);
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x/y' })).toThrow(ConfigError);
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x/y' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^ {2}DATABASE_URL: expected mysql:\/\/user\[:password\]@host\[:port\]\/database$/m);
      expect(message).toMatch(/^ {2}PORT: /m);
      expect(message).toContain('.env.example');
    }
  });

  it('takes a Redis address, with a password and a database number, and refuses anything else', () => {
    expect(loadEnv({}).REDIS_URL).toBeUndefined();
    expect(loadEnv({ REDIS_URL: 'redis://:secret@cache.internal:6380/2' }).REDIS_URL).toBe(
      'redis://:secret@cache.internal:6380/2',
    );
    expect(loadEnv({ REDIS_URL: 'rediss://cache.internal' }).REDIS_URL).toBe('rediss://cache.internal');
    expect(() => loadEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL: expected redis:\/\//);
  });
});
