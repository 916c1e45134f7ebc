import { describe, expect, it } from 'vitest';
import { latestExchange, replyReceived } from '../../app/domain/info-requests';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 2, minute));
const ev = (action: string, minute: number, note: string | null = null) => ({ action, note, createdAt: at(minute) });
const doc = (id: number, kind: string, minute: number) => ({ id, kind, createdAt: at(minute) });

describe('replyReceived', () => {
  it.each([
    ['submitted', 7, true],
    ['submitted', null, false],
    ['under_review', 7, false],
    ['info_requested', 7, false],
  ] as const)('%s assigned to %s → %s', (status, assignedOfficerId, expected) => {
    expect(replyReceived({ status, assignedOfficerId })).toBe(expected);
  });
});

describe('latestExchange', () => {
  it('is undefined when no question was asked', () => {
    expect(latestExchange([ev('submit', 1), ev('start_review', 2)], [])).toBeUndefined();
  });

  it('pairs the latest question with the answer after it and the documents sent since the question', () => {
    const events = [
      ev('request_info', 1, 'first?'),
      ev('resubmit', 2, 'first!'),
      ev('start_review', 3),
      ev('request_info', 4, 'second?'),
      ev('resubmit', 6, 'second!'),
    ];
    const documents = [doc(1, 'quotation', 0), doc(2, 'other', 2), doc(3, 'other', 6), doc(4, 'invoice', 6)];
    const exchange = latestExchange(events, documents)!;
    expect(exchange.question.note).toBe('second?');
    expect(exchange.answer?.note).toBe('second!');
    expect(exchange.documents.map((d) => d.id)).toEqual([3]);
  });

  it('has no answer (and no documents) while the question is open', () => {
    const exchange = latestExchange([ev('request_info', 1, 'why?')], [doc(1, 'other', 0)])!;
    expect(exchange).toMatchObject({ answer: null, documents: [] });
  });
});
