// Minimal multipart/form-data parser for the harness instance (the CLI posts the package with undici's FormData).

export type Part = { name: string; filename?: string; contentType?: string; data: Buffer }

export function boundaryOf(contentType: string | undefined): string | undefined {
    const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '')
    return m ? (m[1] ?? m[2]).trim() : undefined
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
    const delimiter = Buffer.from(`--${boundary}`)
    const parts: Part[] = []
    let pos = body.indexOf(delimiter)
    if (pos < 0) throw new Error('multipart body does not contain its boundary')
    for (;;) {
        pos += delimiter.length
        if (body.subarray(pos, pos + 2).toString() === '--') break // closing delimiter
        pos += 2 // CRLF after the delimiter
        const headerEnd = body.indexOf('\r\n\r\n', pos)
        if (headerEnd < 0) throw new Error('multipart part without a header terminator')
        const headers = body.subarray(pos, headerEnd).toString('utf8').split('\r\n')
        const next = body.indexOf(delimiter, headerEnd + 4)
        if (next < 0) throw new Error('multipart part without a closing boundary')
        const data = body.subarray(headerEnd + 4, next - 2) // strip the CRLF before the next delimiter
        const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? ''
        const name = /\bname="([^"]*)"/i.exec(disposition)?.[1]
        if (name === undefined) throw new Error(`multipart part without a name: ${disposition}`)
        const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1]
        const contentType = headers.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '')
        parts.push({ name, filename, contentType, data: Buffer.from(data) })
        pos = next
    }
    return parts
}
