import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { imsManifest, learningTime, SCHEMA_FILES } from '../../src/lib/scorm/manifest.ts';

describe('imsmanifest.xml', () => {
  const files = ['index.html', 'wyre/lessons/libel/index.html', '_astro/app.js', 'a & b.css'];
  const xml = imsManifest({ identifier: 'wyre-November 2017', title: 'Wyre Council: "Social Media" <Policy>', typicalMinutes: 42, launch: 'index.html', files });

  it('is well-formed XML for SCORM 1.2', () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.manifest.metadata.schemaversion).toBe(1.2);
    expect(doc.manifest.metadata.schema).toBe('ADL SCORM');
    const item = doc.manifest.organizations.organization.item;
    // No mastery score: the LMS would set passed/failed from the raw score alone, over the package's own status.
    expect(item['adlcp:masteryscore']).toBeUndefined();
    expect(doc.manifest.metadata['imsmd:lom']['imsmd:educational']['imsmd:typicallearningtime']['imsmd:datetime']).toBe('00:42:00');
    expect(doc.manifest.organizations.organization.title).toBe('Wyre Council: "Social Media" <Policy>');
    const resource = doc.manifest.resources.resource;
    expect(resource['@_adlcp:scormtype']).toBe('sco');
    expect(resource['@_href']).toBe('index.html');
    expect(doc.manifest['@_identifier']).toBe('wyre-November-2017');
  });

  it('lists every file exactly once', () => {
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'file' }).parse(xml);
    const listed = doc.manifest.resources.resource.file.map((f: { '@_href': string }) => f['@_href']);
    expect(listed.sort()).toEqual([...files].sort());
  });

  it('names in xsi:schemaLocation exactly the schemas the package ships (ims_xml.xsd is imported by them)', () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const named = (doc.manifest['@_xsi:schemaLocation'] as string).split(/\s+/).filter((_, i) => i % 2 === 1);
    expect([...named, 'ims_xml.xsd'].sort()).toEqual([...SCHEMA_FILES].sort());
  });

  it('writes typical learning time as hh:mm:ss', () => {
    expect([learningTime(40), learningTime(75), learningTime(0)]).toEqual(['00:40:00', '01:15:00', '00:00:00']);
  });
});
