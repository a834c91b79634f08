import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliQuality, gzipLevel, isCompressible, reuseUnchanged, writeCompressed } from '../../src/site/compress.js';
import { tempDir } from '../support/fixtures.js';

const text = new TextEncoder().encode('{"rows":[' + Array.from({ length: 500 }, (_, i) => i % 37).join(',') + ']}');

describe('site compression', () => {
  it('compresses text files of 1 KiB or more only', () => {
    expect([isCompressible('a.json', 1024), isCompressible('a.json', 1023), isCompressible('a.png', 5000), isCompressible('a.dcl', 2048)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('uses brotli 11 up to 32 KiB, 10 up to 4 MiB, 9 above', () => {
    expect([32_768, 32_769, 4_194_304, 4_194_305].map(brotliQuality)).toEqual([11, 10, 10, 9]);
  });

  it('uses gzip 9 up to 1 MiB, 6 above', () => {
    expect([1_048_576, 1_048_577].map(gzipLevel)).toEqual([9, 6]);
  });

  it('writes .gz and .br siblings that decompress to the file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    const sizes = await writeCompressed(path, text);
    const [gz, br] = [await readFile(`${path}.gz`), await readFile(`${path}.br`)];
    expect([gz.byteLength, br.byteLength]).toEqual([sizes.gzip, sizes.brotli]);
    expect(new Uint8Array(gunzipSync(gz))).toEqual(text);
    expect(new Uint8Array(brotliDecompressSync(br))).toEqual(text);
  });

  it("links the previous build's file and its compressed siblings only when the file is byte-for-byte the same", async () => {
    const [before, after] = [await tempDir(), await tempDir()];
    await writeFile(join(before, 'a.json'), text);
    const sizes = await writeCompressed(join(before, 'a.json'), text);
    expect(await reuseUnchanged(join(before, 'a.json'), join(after, 'a.json'), text)).toEqual({ brotli: sizes.brotli });
    // Linked, not copied: the same inode, so the file was neither written nor compressed again.
    for (const suffix of ['', '.gz', '.br']) expect((await stat(join(after, `a.json${suffix}`))).ino).toBe((await stat(join(before, `a.json${suffix}`))).ino);

    const changed = text.slice();
    changed[10] = 0x39;
    expect(await reuseUnchanged(join(before, 'a.json'), join(after, 'b.json'), changed)).toBeUndefined();
    expect(await reuseUnchanged(join(before, 'missing.json'), join(after, 'c.json'), text)).toBeUndefined();
    expect((await readdir(after)).sort()).toEqual(['a.json', 'a.json.br', 'a.json.gz']);
  });
});
