import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv, loadServerEnv } from '../src/config/env.ts';

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

  it('prefixes Redis keys and channels with cdss: unless told, and refuses a prefix with spaces', () => {
    expect(loadEnv({}).REDIS_PREFIX).toBe('cdss:');
    expect(loadEnv({ REDIS_PREFIX: 'clinic-b:' }).REDIS_PREFIX).toBe('clinic-b:');
    expect(() => loadEnv({ REDIS_PREFIX: 'a b' })).toThrow(/REDIS_PREFIX/);
  });
});

describe('configuration in production', () => {
  it('requires PUBLIC_URL of the server and says what it is for', () => {
    expect(() => loadServerEnv({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL: required in production/);
    expect(loadServerEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://clinic.example.org' }).PUBLIC_URL).toBe(
      'https://clinic.example.org',
    );
    expect(() => loadEnv({ PUBLIC_URL: 'ftp://clinic.example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('lets the worker and the database commands run without PUBLIC_URL: they build no links', () => {
    expect(loadEnv({ NODE_ENV: 'production' }).NODE_ENV).toBe('production');
  });

  it('reads which proxies to trust', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadEnv({ TRUST_PROXY: '10.0.0.0/8, loopback' }).TRUST_PROXY).toBe('10.0.0.0/8, loopback');
    expect(loadEnv({ TRUST_PROXY: '::1, 172.16.0.0/12' }).TRUST_PROXY).toBe('::1, 172.16.0.0/12');
    for (const bad of ['any proxy!', '1', '10.0.0.0/33', 'proxy.internal'])
      expect(() => loadEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: expected true, false/);
  });

  it('takes the idle limit of sessions in minutes and a research secret of at least 32 characters', () => {
    expect(loadEnv({}).SESSION_IDLE_MINUTES).toBe(30);
    expect(loadEnv({ SESSION_IDLE_MINUTES: '10' }).SESSION_IDLE_MINUTES).toBe(10);
    expect(() => loadEnv({ RESEARCH_SECRET: 'short' })).toThrow(/RESEARCH_SECRET: at least 32 characters/);
  });
});
