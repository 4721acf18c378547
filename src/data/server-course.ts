/** The course for on-demand routes: the packs, looked up by ID, loaded once per server. */
import { getCoursePacks, type CoursePack } from './course.ts';
import type { CertificateIssue } from '../lib/certificate.ts';

let packs: Promise<CoursePack[]> | undefined;

export async function findCourse(id: string | null | undefined): Promise<CoursePack | undefined> {
  packs ??= getCoursePacks();
  return (await packs).find((c) => c.pack.id === id);
}

export async function allCourses(): Promise<CoursePack[]> {
  packs ??= getCoursePacks();
  return packs;
}

/** Each pack's refresh period and officer's role title, for certificates (src/lib/certificate.ts). */
export async function certificateIssuers(): Promise<(pack: string) => CertificateIssue | undefined> {
  const byPack = new Map((await allCourses()).map((c) => [c.pack.id, { refreshMonths: c.pack.refreshMonths, officer: c.pack.monitoringOfficer.role }]));
  return (pack) => byPack.get(pack);
}
