import { describe, expect, it } from 'vitest';
import { formFields } from './formBody.ts';

describe('form bodies', () => {
  it('reads fields like a query string: decoded, a repeated name as a list', () => {
    expect({ ...formFields('name=Amina+K&code=a%7Cb&name=x') }).toEqual({ name: ['Amina K', 'x'], code: 'a|b' });
  });

  it('keeps a field named __proto__ as data', () => {
    const fields = formFields('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.keys(fields)).toEqual(['__proto__', 'constructor']);
    expect(({} as { x?: unknown }).x).toBeUndefined();
  });
});
