/**
 * The dashboard's SQL reads over kept statuses: pages, filters, search, sorts, scope, counts, and the
 * streamed register, byte for byte what the whole-file CSV writer gives for the same rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db.ts';
import { importRoster, listMembers } from '../../src/lib/server/members.ts';
import { byName, withStatus, type DashboardRow, type PackInfo } from '../../src/lib/server/dashboard.ts';
import { refreshStatuses } from '../../src/lib/server/member-statuses.ts';
import { dashboardPage, PAGE_SIZE, statusCounts } from '../../src/lib/server/dashboard-query.ts';
import { REGISTER_HEADER, registerCells, registerStream } from '../../src/lib/server/register-csv.ts';
import { recordEvents } from '../../src/lib/server/progress-events.ts';
import { STATUS_ORDER } from '../../src/lib/member-status.ts';
import { toCsv } from '../../src/lib/csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'dashboard-query-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = new Date('2026-06-01T09:00:00Z');
const packs = new Map<string, PackInfo>([['wyre', { policyVersion: '3', contentHash: 'x', refreshMonths: 12 }], ['ashfield', { policyVersion: '1', contentHash: 'a', refreshMonths: 12 }]]);
const NAMES = ['Zoë Brontë', 'zack Adams', 'Émile Zola', 'Emma Stone', "O'Brien Kelly", 'Owen Price', 'Siân Ŵyn Llŷr', '=HYPERLINK("x")'];
const council = (pack: string) => (pack === 'wyre' ? 'Wyre Council' : 'Ashfield District Council');
let db: DatabaseSync;

beforeAll(() => {
  db = openDatabase(join(dir, 'course.db'));
  const members = Array.from({ length: 1234 }, (_, i) => ({
    name: NAMES[i] ?? `Member ${i}`, email: `member${i}@example.org`, role: i % 4 ? 'councillor' as const : 'co-opted member' as const,
    wardOrCommittee: i % 7 ? `Ward ${i % 40}` : 'Ñewton', pack: i % 3 ? 'wyre' : 'ashfield', dueDate: i % 2 ? '2026-05-01' : '2026-09-01',
  }));
  importRoster(db, members, 'test', now);
  for (const m of listMembers(db).filter((m) => m.id % 5 === 0)) recordEvents(db, m.id, [{ kind: 'lesson', item: 'a', correct: null }], now);
  refreshStatuses(db, packs, now);
});

/** The register as it was written before statuses were kept: computed, sorted in JavaScript, one string. */
const wholeFile = (rows: DashboardRow[]) => toCsv(REGISTER_HEADER, [...rows]
  .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byName(a.name, b.name))
  .map((r) => registerCells(r, council)));

/** The stream's bytes as text, byte-order mark kept. */
const bytes = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer()).toString('utf8');

describe('the streamed register', () => {
  it('is byte for byte the whole-file CSV, in pieces', async () => {
    const pieces: Uint8Array[] = [];
    for await (const piece of registerStream(db, undefined, council)) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(2);
    const text = Buffer.concat(pieces).toString('utf8');
    expect(text).toBe(wholeFile(withStatus(listMembers(db), packs, now)));
    expect(text.startsWith('\uFEFFName,Email,')).toBe(true);
  });

  it('holds only the scope\'s members; an empty scope gives the header alone', async () => {
    const wyre = await bytes(registerStream(db, new Set(['wyre']), council));
    expect(wyre).toBe(wholeFile(withStatus(listMembers(db).filter((m) => m.pack === 'wyre'), packs, now)));
    expect(await bytes(registerStream(db, new Set(), council))).toBe(toCsv(REGISTER_HEADER, []));
  });
});

describe('a page of the dashboard', () => {
  const all = () => withStatus(listMembers(db), packs, now);

  it('pages through every match once, in the chosen sort, 100 at a time', () => {
    const query = { pack: 'wyre', sort: 'name' as const };
    const first = dashboardPage(db, undefined, query, 1);
    const expected = all().filter((r) => r.pack === 'wyre').sort((a, b) => byName(a.name, b.name));
    expect(first.matching).toBe(expected.length);
    expect(first.pages).toBe(Math.ceil(expected.length / PAGE_SIZE));
    const seen = Array.from({ length: first.pages }, (_, i) => dashboardPage(db, undefined, query, i + 1).rows).flat();
    expect(seen.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    expect(first.rows).toHaveLength(PAGE_SIZE);
    // A page past the end shows the last; nonsense shows the first.
    expect(dashboardPage(db, undefined, query, 99).page).toBe(first.pages);
    expect(dashboardPage(db, undefined, query, Number.NaN).page).toBe(1);
  });

  it('sorts by status (most urgent first), due date and ward, ties by name', () => {
    const order = (sort: 'status' | 'due' | 'ward') => dashboardPage(db, undefined, { sort }, 1).rows.map((r) => r.id);
    const byStatus = all().sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byName(a.name, b.name));
    expect(order('status')).toEqual(byStatus.slice(0, PAGE_SIZE).map((r) => r.id));
    const byDue = all().sort((a, b) => a.due_date.localeCompare(b.due_date) || byName(a.name, b.name));
    expect(order('due')).toEqual(byDue.slice(0, PAGE_SIZE).map((r) => r.id));
    const byWard = all().sort((a, b) => byName(a.ward_or_committee, b.ward_or_committee) || byName(a.name, b.name));
    expect(order('ward')).toEqual(byWard.slice(0, PAGE_SIZE).map((r) => r.id));
  });

  it('filters by status and searches name, email or ward with case and accents as typed', () => {
    const overdue = dashboardPage(db, undefined, { status: 'overdue' }, 1);
    expect(overdue.matching).toBe(all().filter((r) => r.status === 'overdue').length);
    expect(overdue.rows.every((r) => r.status === 'overdue')).toBe(true);
    expect(dashboardPage(db, undefined, { q: ' BRONTË ' }).rows.map((r) => r.name)).toEqual(['Zoë Brontë']);
    expect(dashboardPage(db, undefined, { q: 'member1233@' }).rows.map((r) => r.name)).toEqual(['Member 1233']);
    expect(dashboardPage(db, undefined, { q: 'ñewton' }).matching).toBe(all().filter((r) => r.ward_or_committee === 'Ñewton').length);
    expect(dashboardPage(db, undefined, { q: 'bronte' }).matching).toBe(0);
  });

  it('shows a limited admin only their packs, and counts each pack\'s statuses', () => {
    const ashfield = new Set(['ashfield']);
    const page = dashboardPage(db, ashfield, { q: 'member' }, 1);
    expect(page.matching).toBe(all().filter((r) => r.pack === 'ashfield' && r.email.includes('member')).length);
    expect(page.rows.every((r) => r.pack === 'ashfield')).toBe(true);
    expect(dashboardPage(db, ashfield, { pack: 'wyre' }).matching).toBe(0);
    expect(dashboardPage(db, new Set(), {}).matching).toBe(0);
    const counts = statusCounts(db, undefined);
    const rows = all();
    for (const pack of ['wyre', 'ashfield']) {
      for (const s of STATUS_ORDER) expect(counts.get(pack)![s]).toBe(rows.filter((r) => r.pack === pack && r.status === s).length);
    }
    expect([...statusCounts(db, ashfield).keys()]).toEqual(['ashfield']);
  });
});
