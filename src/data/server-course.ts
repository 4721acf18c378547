/** The course for on-demand routes: the packs, looked up by ID, loaded once per server. */
import { getCoursePacks, type CoursePack } from './course.ts';

let packs: Promise<CoursePack[]> | undefined;

export async function findCourse(id: string | null | undefined): Promise<CoursePack | undefined> {
  packs ??= getCoursePacks();
  return (await packs).find((c) => c.pack.id === id);
}

export async function allCourses(): Promise<CoursePack[]> {
  packs ??= getCoursePacks();
  return packs;
}
