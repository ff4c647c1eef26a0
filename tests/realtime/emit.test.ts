import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { emitChecked, type Ctx } from '../../server/realtime/common.js';

// Every outgoing payload passes its schema first; what leaves is the parsed value.

const log = { error: vi.fn() };
const ctx = { log } as unknown as Ctx;
const Shape = z.object({ number: z.string() });

describe('emitChecked', () => {
  it('emits the parsed payload, without fields the schema does not name', () => {
    const emit = vi.fn();
    emitChecked(ctx, { emit }, 'ticket', Shape, { number: 'B001', trackingCode: 'secret' } as never);
    expect(emit).toHaveBeenCalledWith('ticket', { number: 'B001' });
  });

  it('refuses a payload that breaks its schema: logged, not sent, and thrown outside production', () => {
    const emit = vi.fn();
    expect(() => emitChecked(ctx, { emit }, 'ticket', Shape, { number: 7 } as never)).toThrow(/invalid "ticket" payload/);
    expect(emit).not.toHaveBeenCalled();
    expect(log.error).toHaveBeenCalled();
  });
});
