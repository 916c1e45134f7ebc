// The request-information loop: an answered case stays with its officer, who sees the latest question and the
// shop's answer (and the documents sent with it) first.
import type { ApplicationStatus } from './application-lifecycle';

/**
 * A reply waits for the officer when the case is back at "submitted" while still assigned: only the shop's answer to
 * a request for information brings an assigned case back there (a first submission is unassigned).
 */
export function replyReceived({
  status,
  assignedOfficerId,
}: {
  status: ApplicationStatus | string;
  assignedOfficerId: number | null;
}): boolean {
  return status === 'submitted' && assignedOfficerId !== null;
}

type ExchangeEvent = { action: string; note: string | null; createdAt: Date | string; actorName?: string | null };
type ExchangeDocument = { id: number; kind: string; createdAt: Date | string };

export type Exchange<E extends ExchangeEvent, D extends ExchangeDocument> = { question: E; answer: E | null; documents: D[] };

/**
 * The latest request for information and the answer that followed it (if any), with the extra documents the shop
 * sent after the question; undefined when no question was ever asked.
 */
export function latestExchange<E extends ExchangeEvent, D extends ExchangeDocument>(
  events: readonly E[],
  documents: readonly D[],
): Exchange<E, D> | undefined {
  const at = (value: Date | string) => new Date(value).getTime();
  let questionIndex = -1;
  events.forEach((event, index) => {
    if (event.action === 'request_info') questionIndex = index;
  });
  if (questionIndex < 0) return undefined;
  const question = events[questionIndex]!;
  const answer = events.slice(questionIndex + 1).find((event) => event.action === 'resubmit') ?? null;
  const asked = at(question.createdAt);
  // Sent with the answer: the shop's extra documents since the question (it is the latest one, so none came later).
  return { question, answer, documents: answer ? documents.filter((d) => d.kind === 'other' && at(d.createdAt) >= asked) : [] };
}
