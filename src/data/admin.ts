/** What admin routes need from the course: each pack's current version, content hash, refresh period and route times. */
import type { DatabaseSync } from 'node:sqlite';
import { allCourses } from './server-course.ts';
import { refreshStatuses } from '../lib/server/member-statuses.ts';
import type { PackInfo } from '../lib/server/dashboard.ts';
import { sees, type Scope } from '../lib/server/scope.ts';

/** The packs served, or those of them an admin's scope names (src/lib/server/scope.ts). */
export async function packInfo(scope?: Scope): Promise<Map<string, PackInfo & { council: string; shortName: string; minutes: { induction: number; refresher: number } }>> {
  return new Map((await allCourses()).filter((c) => sees(scope, c.pack.id)).map((c) => [c.pack.id, {
    policyVersion: c.pack.policy.version,
    contentHash: c.content.hash,
    refreshMonths: c.pack.refreshMonths,
    council: c.pack.council,
    shortName: c.pack.shortName,
    // What members are asked to spend, from the routes (the same figures as /<pack>/route.json).
    minutes: { induction: c.routes.induction.minutes, refresher: c.routes.refresher.minutes },
  }]));
}

/** Brings the kept member statuses up to date (member-statuses.ts) against every pack served, before a page reads them. */
export async function freshStatuses(db: DatabaseSync, now = new Date()): Promise<void> {
  refreshStatuses(db, await packInfo(), now);
}
