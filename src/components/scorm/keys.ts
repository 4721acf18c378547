/** localStorage keys the SCORM pages and the SCORM shell share. */
export const assessmentKey = (pack: string) => `cc-scorm-assessment:${pack}`;
export const declarationKey = (pack: string) => `cc-scorm-declaration:${pack}`;

export interface StoredAssessment {
  drawn: string[];
  answers: Record<string, number[]> | null;
}

export interface StoredDeclaration {
  name: string;
  role: string;
  wardOrCommittee: string;
  declaration: string;
  at: string;
}

export function readJson<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

export function removeKey(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // storage blocked: there is nothing to remove
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage blocked: the LMS still has what was sent to it
  }
}
