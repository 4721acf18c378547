/**
 * The course for on-demand routes: the packs, looked up by ID, loaded once per server. Only the packs
 * COURSE_PACKS names are served (all when it is unset): another pack is not found here, so its pages
 * 404 and sign-off refuses it. `builtPackIds` lists every pack of the build.
 */
import { getCoursePacks, type CoursePack } from './course.ts';
import type { CertificateIssue } from '../lib/certificate.ts';
import { isServed } from '../lib/served-packs.ts';

let packs: Promise<CoursePack[]> | undefined;

const built = (): Promise<CoursePack[]> => (packs ??= getCoursePacks());

export async function findCourse(id: string | null | undefined): Promise<CoursePack | undefined> {
  return (await allCourses()).find((c) => c.pack.id === id);
}

export async function allCourses(): Promise<CoursePack[]> {
  return (await built()).filter((c) => isServed(c.pack.id));
}

export async function builtPackIds(): Promise<string[]> {
  return (await built()).map((c) => c.pack.id);
}

/** Each pack's refresh period and officer's role title, for certificates (src/lib/certificate.ts). */
export async function certificateIssuers(): Promise<(pack: string) => CertificateIssue | undefined> {
  const byPack = new Map((await allCourses()).map((c) => [c.pack.id, { refreshMonths: c.pack.refreshMonths, officer: c.pack.monitoringOfficer.role }]));
  return (pack) => byPack.get(pack);
}
