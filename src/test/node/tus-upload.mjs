// Drives tus-js-client (the reference TUS client) against the broker for TusJsClientTest.
// Usage: node tus-upload.mjs '<json options>'; prints one JSON line with what happened.
// Options: base (broker URL), transferId, token, file, chunkSize, mode: plain | cut | parallel | checksum,
// cutAfter (bytes sent before the proxy cuts the connection, mode cut).
import fs from 'node:fs';
import net from 'node:net';
import crypto from 'node:crypto';
import * as tus from 'tus-js-client';

const options = JSON.parse(process.argv[2]);
const file = fs.readFileSync(options.file);
const path = `/broker/api/v1/filetransfer/upload/tus/${options.transferId}`;
const headers = { Authorization: `Bearer ${options.token}` };

function upload(extra) {
  return new Promise((resolve, reject) => {
    const u = new tus.Upload(file, {
      endpoint: options.base + path,
      headers,
      chunkSize: options.chunkSize,
      retryDelays: null,
      removeFingerprintOnSuccess: true,
      metadata: { filename: 'source.bin' },
      ...extra,
      onSuccess: () => resolve(u),
      onError: (error) => reject(Object.assign(error, { upload: u })),
    });
    u.start();
  });
}

async function head(url) {
  const response = await fetch(url, { method: 'HEAD', headers: { ...headers, 'Tus-Resumable': '1.0.0' } });
  return Number(response.headers.get('upload-offset'));
}

/** A TCP proxy to the broker that cuts every connection once `limit` bytes went upstream in total. */
function cuttingProxy(limit) {
  const target = new URL(options.base);
  let sent = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    client.on('data', (data) => {
      sent += data.length;
      if (sent > limit) {
        upstream.write(data.subarray(0, Math.max(0, data.length - (sent - limit))));
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(data);
    });
    upstream.on('data', (data) => client.write(data));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function withChecksums(corruptAtOffset) {
  let corrupted = false;
  return (req) => {
    if (req.getMethod() !== 'PATCH') return;
    const offset = Number(req.getHeader('Upload-Offset'));
    const chunk = file.subarray(offset, Math.min(file.length, offset + options.chunkSize));
    let digest = crypto.createHash('sha256').update(chunk).digest('base64');
    if (offset === corruptAtOffset && !corrupted) {
      corrupted = true;
      digest = crypto.createHash('sha256').update('not the chunk').digest('base64');
    }
    req.setHeader('Upload-Checksum', `sha256 ${digest}`);
  };
}

const result = { mode: options.mode };
const resumeOptions = { retryDelays: [100, 300, 1000, 2000, 4000] };
if (options.mode === 'plain') {
  const u = await upload({});
  result.url = u.url;
} else if (options.mode === 'cut') {
  const proxy = await cuttingProxy(options.cutAfter);
  let acknowledged = 0;
  try {
    await upload({
      endpoint: `http://127.0.0.1:${proxy.address().port}${path}`,
      onChunkComplete: (size, accepted) => { acknowledged = accepted; },
    });
    result.error = 'the connection was never cut';
  } catch (error) {
    result.cutAfterAcknowledged = acknowledged;
    const url = new URL(error.upload.url);
    result.url = options.base + url.pathname; // a new client that knows only the URL
  }
  proxy.close();
  result.storedAfterCut = await head(result.url);
  await upload({ ...resumeOptions, uploadUrl: result.url });
} else if (options.mode === 'parallel') {
  const u = await upload({ parallelUploads: 4 });
  result.url = u.url;
} else if (options.mode === 'checksum') {
  try {
    await upload({ onBeforeRequest: withChecksums(options.chunkSize) });
    result.error = 'the corrupted chunk was accepted';
  } catch (error) {
    result.firstStatus = error.originalResponse ? error.originalResponse.getStatus() : null;
    result.url = error.upload.url;
  }
  result.storedAfterMismatch = await head(result.url);
  await upload({ ...resumeOptions, uploadUrl: result.url, onBeforeRequest: withChecksums(-1) });
}
console.log(JSON.stringify(result));
