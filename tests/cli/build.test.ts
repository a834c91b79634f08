import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASES_FILE, EQUIPMENT_FILE, HEALTHCARE_FILE } from '../../src/datasets/layout.js';
import { dash } from '../support/io.js';
import { tempDir, writeFiles } from '../support/fixtures.js';

async function hashes(dir: string, names: string[]): Promise<string[]> {
  return Promise.all(names.map(async (n) => createHash('sha256').update(await readFile(join(dir, n))).digest('hex')));
}

describe('dash build', { timeout: 120_000 }, () => {
  it('builds the caches, then finds them fresh', async () => {
    const cwd = await tempDir();
    const args = ['build', '--cache', 'c', '--only', 'equipment,bases,healthcare'];
    const first = await dash(args, { cwd });
    expect(first.stderr).toMatch(/✔ healthcare: built healthcare\.parquet — 600 rows, .* \(demo data\)/);
    const second = await dash(args, { cwd });
    expect(second.stderr).toContain('✔ healthcare: fresh (600 rows, demo data), not rebuilt');
    expect(second.stderr).toContain('✔ bases: fresh (776 rows, demo data), not rebuilt');
  });

  it('--only on an empty cache builds the pages whose caches exist and names the pages it skipped', async () => {
    const cwd = await tempDir();
    const r = await dash(['build', '--cache', 'c', '--out', 'site', '--only', 'bases', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('⚠ site: Equipment page skipped: no equipment cache yet; `dash build --only equipment` adds it');
    expect(r.stderr).toContain('⚠ site: Combined page skipped: no equipment cache yet');
    const report = JSON.parse(r.stdout) as { site: { pages: { id: string }[]; skipped: { id: string }[] } };
    expect(report.site.pages.map((p) => p.id)).toEqual(['overview', 'installations', 'status']);
    expect(report.site.skipped.map((p) => p.id)).toEqual(['equipment', 'ecg', 'medical', 'combined']);
    const installations = await readFile(join(cwd, 'site', 'installations.html'), 'utf8');
    expect(installations).toContain('<strong>Demo data.</strong> US military installations is dash\'s built-in demo data');
    expect(installations).not.toContain('equipment.html');
  });

  it('a failing dataset leaves the others built, the site unbuilt, and exits 1', async () => {
    const cwd = await tempDir();
    expect((await dash(['demo', '--datasets', 'ds', '--only', 'equipment,bases,healthcare'], { cwd })).code).toBe(0);
    const path = join(cwd, 'ds', BASES_FILE);
    await writeFile(path, (await readFile(path, 'utf8')).replace('COMPONENT', 'KOMPONENT'));
    const r = await dash(['build', '--datasets', 'ds', '--cache', 'c', '--only', 'equipment,bases,healthcare'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`✖ bases: failed — ${BASES_FILE}:1: missing required column "COMPONENT"; found 14 column(s): "Geo Point", "Geo Shape"`);
    expect(r.stderr).toContain('1 of 3 dataset(s) failed: bases');
    expect(r.stderr).toContain('site not built: fix the failed dataset(s) above and run `dash build` again');
    expect(r.stderr).toMatch(/✔ equipment: built/);
    expect(r.stderr).toMatch(/✔ healthcare: built/);
  });
});

describe('bad input (D-9) through the CLI', { timeout: 120_000 }, () => {
  const HEADER = 'Serial No,description,medical_specialty,sample_name,transcription,keywords,cleaned_transcription\n';
  const cases: [string, string, string][] = [
    ['empty file', '', `${HEALTHCARE_FILE}:1: the file is empty; expected a header row with the columns "medical_specialty", "keywords", "cleaned_transcription"`],
    ['missing column', 'Serial No,medical_specialty,keywords\n1,a,b\n', `${HEALTHCARE_FILE}:1: missing required column "cleaned_transcription"; found 3 column(s): "Serial No", "medical_specialty", "keywords"`],
    ['wrong delimiter', HEADER.replaceAll(',', ';') + '1;a;b;c;d;e;f\n', `the header looks ";"-delimited, but this file must be ","-delimited`],
    ['unterminated quote', `${HEADER}1,a,b,c,"d\ne,f,g\n`, `${HEALTHCARE_FILE}:2: unterminated quoted field: a '"' opened on line 2 is still open at the end of the file`],
    ['truncated file', `${HEADER}1,a,b,c,d,e,f\n2,a,b,c`, `${HEALTHCARE_FILE}:3: record 2: expected 7 fields (as in the header), found 4`],
    ['header only', HEADER, `${HEALTHCARE_FILE}:2: the file has a header and no data rows; expected at least one record`],
    ['short row at line 54', `${HEADER}${'1,a,b,c,"d\nd",e,f\n'.repeat(26)}1,a,b\n`, `${HEALTHCARE_FILE}:54: record 27: expected 7 fields (as in the header), found 3`],
    ['ESC in a header name', HEADER.replace('keywords', 'key\u001b[2Jwords') + '1,a,b,c,d,e,f\n', `found 7 column(s): "Serial No", "description", "medical_specialty", "sample_name", "transcription", "key\\x1B[2Jwords"`],
    ['ESC in a field', `${HEADER}1,a,b,c,d,e,f\n2,a,b,c\u001b]0;owned\u0007`, `found 4`],
  ];

  it.each(cases)('%s: exit 1 with file and line, previous cache and manifest byte-identical', async (_name, content, message) => {
    const cwd = await tempDir();
    const args = ['cache', '--datasets', 'ds', '--cache', 'c', '--only', 'healthcare'];
    expect((await dash(['demo', '--datasets', 'ds', '--only', 'healthcare'], { cwd })).code).toBe(0);
    expect((await dash(args, { cwd })).code).toBe(0);
    const cache = join(cwd, 'c');
    const before = await hashes(cache, ['healthcare.parquet', 'manifest.json']);
    await writeFile(join(cwd, 'ds', HEALTHCARE_FILE), content);
    const r = await dash(args, { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr.includes('\u001b[') || r.stderr.includes('\u001b]')).toBe(false);
    expect(r.stderr).toContain('the previous cache (if any) is unchanged');
    expect(await hashes(cache, ['healthcare.parquet', 'manifest.json'])).toEqual(before);
  });

  it('non-numeric numbers are coerced, counted and reported in the summary and the manifest', async () => {
    const cwd = await tempDir();
    const header = 'State,Agency Name,NSN,Item Name,Quantity,UI,Acquisition Value,DEMIL Code,DEMIL IC,Ship Date,Station Type\n';
    await writeFiles(join(cwd, 'ds'), {
      [EQUIPMENT_FILE]: header + 'AL,A,1005-01,RIFLE,lots,Each,100,D,,2016-01-01,State\nAL,A,1005-01,RIFLE,2,Each,1.2.3,D,,2016-01-02,State\n',
    });
    const r = await dash(['cache', '--datasets', 'ds', '--cache', 'c', '--only', 'equipment', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`⚠ equipment: ${EQUIPMENT_FILE}: Quantity: 1 non-numeric values set to 0 (line 2 "lots")`);
    expect(r.stderr).toContain(`⚠ equipment: ${EQUIPMENT_FILE}: Acquisition Value: 1 non-numeric values set to 0 (line 3 "1.2.3")`);
    const manifest = JSON.parse(await readFile(join(cwd, 'c', 'manifest.json'), 'utf8')) as { artefacts: { equipment: { warnings: string[]; details: Record<string, number> } } };
    expect(manifest.artefacts.equipment.warnings).toHaveLength(2);
    expect(manifest.artefacts.equipment.details).toMatchObject({ totalQuantity: 2, totalValue: 100 });
  });
});
