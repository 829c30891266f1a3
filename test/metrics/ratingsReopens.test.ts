/**
 * CSAT from ticket ratings and the reopen rate: known answers, agreement with a naive formula
 * on random tickets, and parts serialised and merged equal to the whole.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { csatThreshold } from "../../src/metrics/survey/csatSatisfied.ts";
import { isResolvedStatus, reopenRate, reopenRateAccumulator, ticketRatingsAccumulator, type Ticket } from "../../src/index.ts";
import { ticket } from "../report/arbitraries.ts";
import { cutsArb, foldAll, wholeAndParts } from "../_support/accumulators.ts";
import { errorCodeOf } from "../_support/errors.ts";

const createdAt = new Date("2026-01-05T09:00:00Z");
const t = (id: string, fields: Partial<Ticket>): Ticket => ({ id, createdAt, status: "solved", ...fields });
const tickets = fc.array(ticket, { maxLength: 60 });

describe("ticketRatingsAccumulator", () => {
  // Zendesk: "CSAT score = good ratings / (good + bad ratings)"; offered surveys count toward the
  // response rate only (https://support.zendesk.com/hc/en-us/articles/4408886173338).
  it("known answer: 6 good, 2 bad, 2 offered without an answer, 1 unoffered", () => {
    const acc = ticketRatingsAccumulator();
    const list = [
      ...Array.from({ length: 6 }, (_, i) => t(`g${String(i)}`, { satisfaction: "good", satisfactionOffered: true })),
      t("b1", { satisfaction: "bad" }),
      t("b2", { satisfaction: "bad", satisfactionOffered: true }),
      t("o1", { satisfactionOffered: true }),
      t("o2", { satisfactionOffered: true }),
      t("u1", {}),
    ];
    const r = acc.result(foldAll(acc, list));
    expect(r.csat).toMatchObject({ score: 0.75, satisfied: 6, total: 8 });
    expect(r).toMatchObject({ offered: 10, rated: 8, responseRate: 0.8, skipped: { noScale: 0, offScale: 0 } });
  });

  it("numeric ratings are judged on their own scale (top two of 1–5: 4 and 5; top one of 1–3); no scale or off it is skipped", () => {
    const acc = ticketRatingsAccumulator();
    const five = { min: 1, max: 5 };
    const three = { min: 1, max: 3 };
    const r = acc.result(
      foldAll(acc, [
        t("1", { satisfaction: 5, satisfactionScale: five }),
        t("2", { satisfaction: 4, satisfactionScale: five }),
        t("3", { satisfaction: 3, satisfactionScale: five }),
        t("4", { satisfaction: 3, satisfactionScale: three }),
        t("5", { satisfaction: 2, satisfactionScale: three }),
        t("6", { satisfaction: 4 }),
        t("7", { satisfaction: 9, satisfactionScale: five }),
      ]),
    );
    expect(r.csat).toMatchObject({ satisfied: 3, total: 5 });
    expect(r.skipped).toEqual({ noScale: 1, offScale: 1 });
    expect(r.offered).toBe(7);
  });

  test.prop([tickets])("equals a naive count over the tickets", (ts) => {
    const acc = ticketRatingsAccumulator();
    const r = acc.result(foldAll(acc, ts));
    let offered = 0;
    let total = 0;
    let satisfied = 0;
    for (const x of ts) {
      const s = x.satisfaction;
      if (s === undefined && x.satisfactionOffered !== true) continue;
      offered++;
      if (s === "good" || s === "bad") {
        total++;
        if (s === "good") satisfied++;
      } else if (
        typeof s === "number" &&
        x.satisfactionScale !== undefined &&
        s >= x.satisfactionScale.min &&
        s <= x.satisfactionScale.max
      ) {
        total++;
        if (s >= csatThreshold(x.satisfactionScale)) satisfied++;
      }
    }
    expect(r.offered).toBe(offered);
    expect(r.rated).toBe(total);
    expect(r.csat?.satisfied ?? 0).toBe(satisfied);
    expect(r.responseRate).toBe(offered === 0 ? undefined : total / offered);
  });

  test.prop([tickets, cutsArb(60)])("parts through JSON, merged, equal the whole", (ts, cuts) => {
    const { whole, parts } = wholeAndParts(ticketRatingsAccumulator(), ts, cuts);
    expect(parts).toEqual(whole);
  });

  it("refuses a state with more ratings than offered surveys (E_STATE_FORMAT)", () => {
    const acc = ticketRatingsAccumulator();
    const json = { kind: "ticketRatings", v: 1, csat: { satisfied: 1, total: 2 }, offered: 1, skipped: { noScale: 0, offScale: 0 } };
    expect(errorCodeOf(() => acc.fromJSON(json))).toBe("E_STATE_FORMAT");
  });
});

describe("reopenRate", () => {
  // Zendesk's "Reopens" ticket metric counts the times a ticket was reopened after being solved
  // (https://support.zendesk.com/hc/en-us/articles/4408821871642); the rate is hand-computed.
  it("known answer: of 5 tickets solved at least once, 2 reopened (3 reopens); unknown counts and never-solved tickets are skipped", () => {
    const r = reopenRate([
      t("1", { reopens: 0 }),
      t("2", { reopens: 2 }),
      t("3", { status: "open", reopens: 1 }),
      t("4", { status: "closed", reopens: 0 }),
      t("5", { status: "open", reopens: 0, firstSolvedAt: createdAt }),
      t("6", { status: "open", reopens: 0 }),
      t("7", {}),
    ]);
    expect(r).toMatchObject({ rate: 0.4, solved: 5, reopened: 2, reopens: 3, reopensPerTicket: 0.6 });
    expect(r.skipped).toEqual({ neverSolved: 1, noReopenData: 1 });
    expect(r.interval?.lower).toBeLessThan(0.4);
  });

  it("no solved ticket: rate undefined, not 0", () => {
    expect(reopenRate([t("1", { status: "new", reopens: 0 })]).rate).toBeUndefined();
  });

  test.prop([tickets])("equals a naive count", (ts) => {
    const r = reopenRate(ts);
    const solved = ts.filter(
      (x) => x.reopens !== undefined && (x.reopens > 0 || isResolvedStatus(x.status) || x.firstSolvedAt !== undefined),
    );
    expect(r.solved).toBe(solved.length);
    expect(r.reopened).toBe(solved.filter((x) => (x.reopens ?? 0) > 0).length);
    expect(r.rate).toBe(solved.length === 0 ? undefined : r.reopened / solved.length);
  });

  test.prop([tickets, cutsArb(60)])("parts through JSON, merged, equal the whole", (ts, cuts) => {
    const { whole, parts } = wholeAndParts(reopenRateAccumulator(), ts, cuts);
    expect(parts).toEqual(whole);
  });

  it("refuses a state with more reopened than solved tickets (E_STATE_FORMAT)", () => {
    const json = { kind: "reopenRate", v: 1, solved: 1, reopened: 2, reopens: 2, skipped: { neverSolved: 0, noReopenData: 0 } };
    expect(errorCodeOf(() => reopenRateAccumulator().fromJSON(json))).toBe("E_STATE_FORMAT");
  });
});
