// ZIP reading for the deploy tests, over the shared reader (harness/support/zip.ts): entries with their bytes, and a
// timestamp-free copy for byte-for-byte comparison (`now-sdk install` re-packs dist/app, and fflate stamps each entry
// with the time of packing; everything else, compressed data included, is deterministic).
import { PackageZip } from '../support/zip'

export { withoutTimestamps } from '../support/zip'

export type ZipEntry = { name: string; data: Buffer }

export function readZip(zip: Buffer): ZipEntry[] {
    const z = new PackageZip(zip)
    return z.entries().map((e) => ({ name: e.rawName, data: z.read(e.name) }))
}
