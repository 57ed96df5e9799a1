// Just enough ZIP reading for the deploy tests: list entries with their bytes, and compare two archives byte for byte
// with the DOS modification time/date fields masked (`now-sdk install` re-packs dist/app, and fflate stamps each entry
// with the time of packing; everything else, compressed data included, is deterministic).
import { inflateRawSync } from 'node:zlib'

export type ZipEntry = { name: string; data: Buffer }

const EOCD_SIG = 0x06054b50
const CENTRAL_SIG = 0x02014b50
const LOCAL_SIG = 0x04034b50

type Central = { name: string; method: number; compressedSize: number; localOffset: number; centralOffset: number }

function centralDirectory(zip: Buffer): Central[] {
    let eocd = -1
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
        if (zip.readUInt32LE(i) === EOCD_SIG) {
            eocd = i
            break
        }
    }
    if (eocd < 0) throw new Error('not a zip archive (no end of central directory record)')
    const count = zip.readUInt16LE(eocd + 10)
    let p = zip.readUInt32LE(eocd + 16)
    const out: Central[] = []
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(p) !== CENTRAL_SIG) throw new Error(`bad central directory entry at ${p}`)
        const method = zip.readUInt16LE(p + 10)
        const compressedSize = zip.readUInt32LE(p + 20)
        const nameLen = zip.readUInt16LE(p + 28)
        const extraLen = zip.readUInt16LE(p + 30)
        const commentLen = zip.readUInt16LE(p + 32)
        const localOffset = zip.readUInt32LE(p + 42)
        const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')
        out.push({ name, method, compressedSize, localOffset, centralOffset: p })
        p += 46 + nameLen + extraLen + commentLen
    }
    return out
}

export function readZip(zip: Buffer): ZipEntry[] {
    return centralDirectory(zip).map((c) => {
        const l = c.localOffset
        if (zip.readUInt32LE(l) !== LOCAL_SIG) throw new Error(`bad local header for ${c.name}`)
        const start = l + 30 + zip.readUInt16LE(l + 26) + zip.readUInt16LE(l + 28)
        const raw = zip.subarray(start, start + c.compressedSize)
        const data = c.method === 0 ? Buffer.from(raw) : c.method === 8 ? inflateRawSync(raw) : undefined
        if (!data) throw new Error(`unsupported compression method ${c.method} for ${c.name}`)
        return { name: c.name, data }
    })
}

/** A copy of the archive with every entry's DOS time/date (local header +10, central header +12) zeroed. */
export function withoutTimestamps(zip: Buffer): Buffer {
    const copy = Buffer.from(zip)
    for (const c of centralDirectory(copy)) {
        copy.writeUInt32LE(0, c.localOffset + 10)
        copy.writeUInt32LE(0, c.centralOffset + 12)
    }
    return copy
}
