'use strict';
// Child process of deterministic-zip.ts. yazl writes through streams and timers, while synthesis is
// synchronous, so the parent runs this with execFileSync (cdktf zips its own assets the same way).
// stdin: {"mtime": ISO date, "entries": [{"name", "data" (base64)}]} in the order to write; stdout: the zip.
const { ZipFile } = require('yazl');

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const { mtime, entries } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const zip = new ZipFile();
  for (const entry of entries) {
    // Stored, not deflated: deflate output may change with the zlib build, stored bytes never do.
    // DOS timestamps are local time, so the parent runs this with TZ=UTC.
    zip.addBuffer(Buffer.from(entry.data, 'base64'), entry.name, { mtime: new Date(mtime), mode: 0o100644, compress: false, forceDosTimestamp: true });
  }
  zip.end();
  zip.outputStream.pipe(process.stdout);
});
