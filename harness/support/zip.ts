/**
 * The one ZIP reader of the test harnesses (package zips from `now-sdk pack`, uploads seen by the loopback instance):
 * central directory, stored or deflated entries, sizes and CRC-32 checked (inflate and CRC-32 from node:zlib). No
 * zip64, no encryption.
 *
 * Why not a library: fflate's unzipSync (the library `now-sdk pack` writes with) checks neither CRC-32 nor inflated
 * sizes, keys entries by name (a duplicate entry vanishes) and exposes no header offsets (withoutTimestamps needs
 * them); yauzl is callback/stream only, and the Glide simulator installs the package synchronously. The walk below is
 * what is left of ours; tests/records/reader-crosscheck.test.ts checks it against fflate on the real package.
 */
import { crc32, inflateRawSync } from 'node:zlib'

export { crc32 }

export interface ZipEntry {
    /** Name as stored in the zip (now-sdk pack stores a leading "/"). */
    rawName: string
    /** Name without a leading "/", e.g. update/oauth_entity_<sys_id>.xml */
    name: string
    method: number
    flags: number
    crc32: number
    compressedSize: number
    size: number
    localHeaderOffset: number
    /** Offset of the entry's central directory header. */
    centralHeaderOffset: number
}

export class PackageZip {
    readonly file: string
    private readonly buf: Buffer
    private readonly entryList: ZipEntry[]

    constructor(buf: Buffer, file = '<zip>') {
        this.buf = buf
        this.file = file
        this.entryList = this.readCentralDirectory()
    }

    private fail(msg: string): never {
        throw new Error(`${this.file}: ${msg}`)
    }

    private readCentralDirectory(): ZipEntry[] {
        const b = this.buf
        // End of central directory record: 22 bytes + comment of up to 65535 bytes.
        let eocd = -1
        for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
            if (b.readUInt32LE(i) === 0x06054b50) {
                eocd = i
                break
            }
        }
        if (eocd < 0) this.fail('no end-of-central-directory record (not a zip file?)')
        const count = b.readUInt16LE(eocd + 10)
        const cdSize = b.readUInt32LE(eocd + 12)
        let p = b.readUInt32LE(eocd + 16)
        if (count === 0xffff || cdSize === 0xffffffff || p === 0xffffffff) this.fail('zip64 archives are not supported')
        const entries: ZipEntry[] = []
        for (let i = 0; i < count; i++) {
            if (b.readUInt32LE(p) !== 0x02014b50)
                this.fail(`central directory entry ${i} has a bad signature at offset ${p}`)
            const flags = b.readUInt16LE(p + 8)
            const nameLen = b.readUInt16LE(p + 28)
            const extraLen = b.readUInt16LE(p + 30)
            const commentLen = b.readUInt16LE(p + 32)
            const rawName = b.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen)
            entries.push({
                rawName,
                name: rawName.replace(/^\/+/, ''),
                method: b.readUInt16LE(p + 10),
                flags,
                crc32: b.readUInt32LE(p + 16),
                compressedSize: b.readUInt32LE(p + 20),
                size: b.readUInt32LE(p + 24),
                localHeaderOffset: b.readUInt32LE(p + 42),
                centralHeaderOffset: p,
            })
            p += 46 + nameLen + extraLen + commentLen
        }
        return entries
    }

    entries(): readonly ZipEntry[] {
        return this.entryList
    }

    /** Entry names without the leading "/". */
    names(): string[] {
        return this.entryList.map((e) => e.name)
    }

    entry(name: string): ZipEntry {
        const n = name.replace(/^\/+/, '')
        const e = this.entryList.find((x) => x.name === n)
        if (!e) this.fail(`no entry ${name}`)
        return e
    }

    /** The entry's bytes, inflated and CRC-checked. */
    read(name: string): Buffer {
        const e = this.entry(name)
        const b = this.buf
        const h = e.localHeaderOffset
        if (b.readUInt32LE(h) !== 0x04034b50) this.fail(`entry ${e.rawName}: bad local header signature`)
        if (e.flags & 0x1) this.fail(`entry ${e.rawName} is encrypted`)
        const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28)
        const raw = b.subarray(start, start + e.compressedSize)
        let data: Buffer
        if (e.method === 0) data = Buffer.from(raw)
        else if (e.method === 8) data = inflateRawSync(raw)
        else this.fail(`entry ${e.rawName}: compression method ${e.method} is not supported`)
        if (data!.length !== e.size)
            this.fail(`entry ${e.rawName}: inflated to ${data!.length} bytes, the directory says ${e.size}`)
        if (crc32(data!) !== e.crc32) this.fail(`entry ${e.rawName}: CRC-32 mismatch`)
        return data!
    }

    text(name: string): string {
        return this.read(name).toString('utf8')
    }
}

/** A copy of the archive with every entry's DOS time/date (local header +10, central header +12) zeroed. */
export function withoutTimestamps(zip: Buffer): Buffer {
    const copy = Buffer.from(zip)
    for (const e of new PackageZip(zip).entries()) {
        copy.writeUInt32LE(0, e.localHeaderOffset + 10)
        copy.writeUInt32LE(0, e.centralHeaderOffset + 12)
    }
    return copy
}
