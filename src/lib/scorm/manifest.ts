/**
 * `imsmanifest.xml` for a SCORM 1.2 package: one organisation, one item, one SCO resource listing
 * every file in the package, and the typical learning time from the pack's induction route (IMS
 * metadata 1.2.1, inline, as SCORM 1.2 allows; the ADL schema has no typicallearningtime of its own).
 *
 * No `adlcp:masteryscore`: with one, the LMS itself sets `passed` or `failed` from the raw score
 * when the learner leaves (Moodle and scorm-again both do), overriding the package's `incomplete`
 * for a learner who passed the quiz with lessons unread, or failed and may retake. The package
 * applies the pass mark itself, with the rest of the sign-off conditions.
 */

/** The schemas `xsi:schemaLocation` names, and the one they import: shipped at the package root. */
export const SCHEMA_FILES = ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'] as const;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export interface ManifestInput {
  /** Unique per pack and policy version, e.g. `wyre-november-2017`. */
  identifier: string;
  title: string;
  /** Expected minutes for the whole course: the induction route's (`/<pack>/route.json`). */
  typicalMinutes: number;
  /** The page the LMS opens, relative to the package root. */
  launch: string;
  /** Every file in the package except the manifest, relative, with forward slashes. */
  files: readonly string[];
}

/** Minutes as IMS metadata's duration, `hh:mm:ss`. */
export function learningTime(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
}

export function imsManifest(m: ManifestInput): string {
  const id = m.identifier.replace(/[^A-Za-z0-9_.-]/g, '-');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(id)}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:educational>
        <imsmd:typicallearningtime><imsmd:datetime>${learningTime(m.typicalMinutes)}</imsmd:datetime></imsmd:typicallearningtime>
      </imsmd:educational>
    </imsmd:lom>
  </metadata>
  <organizations default="${escapeXml(id)}-org">
    <organization identifier="${escapeXml(id)}-org">
      <title>${escapeXml(m.title)}</title>
      <item identifier="${escapeXml(id)}-item" identifierref="${escapeXml(id)}-sco" isvisible="true">
        <title>${escapeXml(m.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${escapeXml(id)}-sco" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(m.launch)}">
${[...m.files].sort().map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
