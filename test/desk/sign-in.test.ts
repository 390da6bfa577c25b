import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, MAX_BLOCK_MS, SignInThrottle } from '../../src/desk/sign-in-throttle.ts';
import { weakTokenReason } from '../../src/desk/token-strength.ts';
import { newServerSession, sessionCookie, sessionIdHash } from '../../src/desk/session.ts';

describe('EDITOR_TOKEN strength', () => {
  it('refuses short, repetitive and guessable tokens, saying why and how to make one', () => {
    expect(weakTokenReason('hunter2')).toMatch(/7 characters; use at least 20/);
    expect(weakTokenReason('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toMatch(/only 1 different/);
    expect(weakTokenReason('abcabcabcabcabcabcabcabcabcdefghij')).toMatch(/guessable|different/);
    expect(weakTokenReason('12345678901234567890')).toMatch(/guessable|different/);
    expect(weakTokenReason('fuzz-editor-token')).toMatch(/openssl rand/);
  });

  it('accepts random tokens', () => {
    expect(weakTokenReason('q2V7nXc0Lr9sTg4YpB1mKe8ZfW3hJ6aD')).toBeNull(); // openssl rand -base64 24
    expect(weakTokenReason('test-editor-token-7f3c9a1e5b2d8046')).toBeNull();
  });
});

describe('sign-in backoff', () => {
  it('lets a few wrong tokens through, then doubles the wait per failure, per client', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < FREE_FAILURES; i++) expect(throttle.admit('a')).toBe(0);
    expect(throttle.admit('a')).toBe(0); // sixth: checked, and closes the door for 1 s
    expect(throttle.admit('a')).toBe(1);
    expect(throttle.admit('b')).toBe(0); // another client is unaffected
    now += 1000;
    expect(throttle.admit('a')).toBe(0); // seventh: 2 s
    expect(throttle.admit('a')).toBe(2);
    for (let i = 0; i < 30; i++) {
      now += MAX_BLOCK_MS;
      throttle.admit('a');
    }
    expect(throttle.admit('a')).toBe(MAX_BLOCK_MS / 1000);
    throttle.succeeded('a');
    expect(throttle.admit('a')).toBe(0);
    expect(throttle.failures('a')).toBe(1);
  });

  it('checks only a handful of 10,000 rapid guesses from one client, also in parallel', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < 10_000; i++) {
      if (i % 20 === 0) now += 20; // 20 in flight at once, 1,000 a second
      throttle.admit('attacker');
    }
    expect(throttle.stats.checked).toBeLessThan(20);
    expect(throttle.stats.refused).toBe(10_000 - throttle.stats.checked);
  });
});

describe('server-side sessions', () => {
  it('makes random IDs stored only as their hash, and a __Host- Secure cookie on https', async () => {
    const a = await newServerSession('ann');
    const b = await newServerSession('ann');
    expect(a.id).not.toBe(b.id);
    expect(a.idHash).toBe(await sessionIdHash(a.id));
    expect(a.idHash).not.toContain(a.id);
    expect(await sessionIdHash('a.b')).toBeNull();
    expect(await sessionIdHash(undefined)).toBeNull();
    expect(sessionCookie('https://yulu.example')).toMatchObject({
      name: '__Host-yulu_editor',
      options: { secure: true, path: '/' },
    });
    expect(sessionCookie('http://127.0.0.1:8787')).toMatchObject({
      name: 'yulu_editor',
      options: { secure: false },
    });
  });
});
