/**
 * The files `npm run new-pack -- <id>` writes: the smallest pack that validates and builds, with a
 * TODO wherever the council's own words belong. Paths are relative to the project (or
 * COURSE_CONTENT_ROOT).
 */

/** A rule ID prefix from the pack ID: "llanfair" → "LLA". */
export const rulePrefix = (id: string): string => id.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase();

/** Quotes a value for YAML (JSON strings are valid YAML). */
const q = (text: string) => JSON.stringify(text);

function packYaml(id: string, rule: string): string {
  return `# ${id}'s course pack. Validated by src/schemas/pack.ts at build time. Replace every TODO.
id: ${id}
council: "TODO Council"            # the council's full name
shortName: "TODO"                  # a short name for headings and links
lang: en-GB                        # the pages' language: en-GB, cy (Welsh), cy-GB…
# The documents the course teaches. date: YYYY-MM-DD, YYYY-MM, YYYY, "c. 2017" or "undated".
# Members sign every document unless it says "signed: false".
documents:
  - title: "TODO Social Media Policy"
    version: "1"
    date: undated
monitoringOfficer:
  role: Monitoring Officer         # TODO: who keeps the register: Monitoring Officer, Clerk, Proper Officer…
wording:
  # escalateTo: your group leader  # TODO: who members also tell about threats; leave out if nobody
  members: councillors             # the council's word for its members
passMark: 80
assessmentQuestions: 10
refreshMonths: 12
source:
  citation: "TODO: how a reader would cite the policy (council, title, version, date)"
  # file: ${id}-social-media-policy.txt   # TODO: the policy's text, in tests/fixtures/seeds/
routes:
  induction:
    - 01-todo-scenario
  refresher:
    - 01-todo-scenario
# Rule IDs start "${rule}-" (see rules.yaml).
`;
}

const rulesYaml = (rule: string) => `# Every rule in the policy with a stable ID. Lessons, questions and scenarios list these IDs.
rules:
  - id: ${rule}-1.1
    section: "TODO: the policy section"
    rule: "TODO: the rule, paraphrased"
    assessed: true
`;

const lesson = (rule: string) => `---
title: "TODO: the first lesson's title"
summary: "TODO: one sentence, the lesson's key takeaway."
source: "TODO: the policy section it comes from"
rules: [${rule}-1.1]
---

## What the policy says

TODO: explain the rule in plain English, in your own words (120 to 420 words).
`;

const check = (rule: string) => `questions:
  - id: todo-check-1
    type: single
    prompt: "TODO: a question on the lesson"
    rules: [${rule}-1.1]
    options:
      - text: "TODO: the right answer"
        correct: true
        feedback: "TODO: why it is right (policy section)"
      - text: "TODO: a wrong answer"
        correct: false
        feedback: "TODO: why it is wrong (policy section)"
`;

/** The bank's minimum size (src/schemas/assessment.ts). */
export const BANK_SIZE = 24;

function assessment(rule: string): string {
  const questions = Array.from({ length: BANK_SIZE }, (_, i) => `  - id: todo-assessment-${i + 1}
    kind: rule
    type: single
    prompt: ${q(`TODO: assessment question ${i + 1}`)}
    rules: [${rule}-1.1]
    options:
      - text: "TODO: the right answer"
        correct: true
        feedback: "TODO: why it is right"
      - text: "TODO: a wrong answer"
        correct: false
        feedback: "TODO: why it is wrong"
    explanation: "TODO: why the right answer is right"`);
  return `# The final-assessment bank: at least ${BANK_SIZE} questions. Read only on the server.\nquestions:\n${questions.join('\n')}\n`;
}

/** One step of the shared graph's path to "let it stand": a positive post that needs no reply. */
const step = (node: string, answer: 'yes' | 'no') => `  - node: ${node}
    answer: "${answer}"
    why: "TODO: why the answer is ${answer} here"
    source: "TODO: the policy section"
    rules: []`;

const scenario = (rule: string) => `title: "TODO: a short title"
post:
  author: "TODO: a fictional name"
  authorType: resident
  platform: "Facebook"
  text: "TODO: the post, as it appears"
context: "TODO: what the member needs to know"
situation: none
rules: [${rule}-1.1]
path:
${[step('q-unlawful', 'no'), step('q-decision', 'no'), step('q-confidential', 'no'), step('q-positive', 'yes'), step('q-needs-response', 'no')].join('\n')}
outcome: o-let-stand
explanation: "TODO: why that outcome is right"
`;

/** Every file of a new pack, by path. */
export function scaffoldFiles(id: string): Record<string, string> {
  const rule = rulePrefix(id);
  return {
    [`content/${id}/pack.yaml`]: packYaml(id, rule),
    [`content/${id}/rules.yaml`]: rulesYaml(rule),
    [`content/${id}/modules/01-introduction/index.mdx`]: lesson(rule),
    [`quizzes/${id}/checks/modules/01-introduction.yaml`]: check(rule),
    [`quizzes/${id}/assessment.yaml`]: assessment(rule),
    [`quizzes/${id}/scenarios/01-todo-scenario.yaml`]: scenario(rule),
  };
}

/** What is left to write, printed after scaffolding. */
export function checklist(id: string): string[] {
  return [
    `content/${id}/pack.yaml: the council's name, the policy document(s) with title, version and date, the officer's role, who members escalate threats to, the source citation, lang`,
    `tests/fixtures/seeds/: the policy's text, named in pack.yaml "source.file" (or "files"), so the tests can check lessons are in your own words`,
    `content/${id}/rules.yaml: every rule of the policy, each with a stable ID`,
    `content/${id}/modules/: one folder per lesson (index.mdx, 120 to 420 words), and content/${id}/scenarios/ for worked examples`,
    `quizzes/${id}/checks/: a knowledge check (1 to 3 questions) for every lesson`,
    `quizzes/${id}/assessment.yaml: at least ${BANK_SIZE} questions that together assess every rule marked "assessed: true"`,
    `quizzes/${id}/scenarios/: scenarios whose induction set reaches every outcome they use; list them in pack.yaml "routes"`,
    'search for TODO: every one must go before the course is published',
  ];
}
