import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';

/**
 * yazl takes each entry's CRC-32 with buffer-crc32, a JavaScript loop over every byte: on a
 * large export it cost more time than the compressor behind it. Node's `zlib.crc32` is the
 * same checksum in native code (yazl means to use it: thejoshwolfe/yazl#82), so the copy of
 * buffer-crc32 that yazl loads is pointed at it here, before any archive is written.
 */
const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
const bufferCrc32 = fromYazl('buffer-crc32') as {
  unsigned: (data: Buffer, value?: number) => number;
};
bufferCrc32.unsigned = (data, value) => crc32(data, value ?? 0);

export { ZipFile } from 'yazl';
