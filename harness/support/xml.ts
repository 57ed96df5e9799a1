/**
 * The one XML reader of the test harnesses, for the SDK's record_update files: elements, attributes, text, CDATA,
 * comments, processing instructions; entities decoded; malformed input fails with file and line.
 *
 * Why not a library (tried on the inputs of tests/records/loader.test.ts): fast-xml-parser 5.7.2 (the SDK's own)
 * builds a wrong tree from mismatched tags unless its separate validator runs first, and that validator accepts two
 * root elements and unknown entities such as "&nbsp;"; numeric references are decoded only with its HTML-entity mode,
 * which accepts "&nbsp;" too. sax 1.6.1 in strict mode decodes "&nbsp;" and accepts duplicate attributes and two
 * roots. saxes 6.0.0 is strict but reports a bare "&" as "unclosed tag" at the end of the document. What we test is
 * exactly these malformations, named with file and line, so the reader stays ours;
 * tests/records/reader-crosscheck.test.ts checks that it reads every built file as fast-xml-parser does.
 */

export interface XmlElement {
    kind: 'element'
    name: string
    attributes: Record<string, string>
    children: XmlNode[]
}
export interface XmlText {
    kind: 'text' | 'cdata'
    value: string
}
export type XmlNode = XmlElement | XmlText

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** `where(i)` names the position of raw[i] (file and line) for errors. */
function decodeEntities(raw: string, where: (i: number) => string): string {
    return raw.replace(/&([^;&\s<]*);?/g, (whole: string, body: string, i: number) => {
        if (!whole.endsWith(';')) throw new Error(`${where(i)}: "&" not followed by an entity reference`)
        if (body in NAMED_ENTITIES) return NAMED_ENTITIES[body]
        const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body)
        if (num) return String.fromCodePoint(num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2], 10))
        throw new Error(`${where(i)}: unknown XML entity "&${body};"`)
    })
}

/** Parses one XML document and returns its root element. Throws with file name and line on malformed input. */
export function parseXml(text: string, file = '<xml>'): XmlElement {
    let pos = 0
    const where = (at = pos) => `${file}:${text.slice(0, at).split('\n').length}`
    const fail = (msg: string, at = pos): never => {
        throw new Error(`${where(at)}: ${msg}`)
    }
    const startsWith = (s: string) => text.startsWith(s, pos)
    const skipUntil = (end: string, what: string) => {
        const i = text.indexOf(end, pos)
        if (i < 0) fail(`unterminated ${what}`)
        pos = i + end.length
    }
    const skipMisc = () => {
        for (;;) {
            while (pos < text.length && /\s/.test(text[pos])) pos++
            if (startsWith('<?')) skipUntil('?>', 'processing instruction')
            else if (startsWith('<!--')) skipUntil('-->', 'comment')
            else if (startsWith('<!DOCTYPE')) skipUntil('>', 'DOCTYPE')
            else return
        }
    }
    const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y
    const readName = (): string => {
        NAME.lastIndex = pos
        const m = NAME.exec(text)
        if (!m) fail(`expected a name, found ${JSON.stringify(text.slice(pos, pos + 20))}`)
        pos += m![0].length
        return m![0]
    }
    const parseElement = (): XmlElement => {
        if (text[pos] !== '<') fail('expected "<"')
        pos++
        const el: XmlElement = { kind: 'element', name: readName(), attributes: {}, children: [] }
        for (;;) {
            while (/\s/.test(text[pos] ?? '')) pos++
            if (startsWith('/>')) {
                pos += 2
                return el
            }
            if (text[pos] === '>') {
                pos++
                break
            }
            if (pos >= text.length) fail(`unterminated start tag <${el.name}>`)
            const attr = readName()
            while (/\s/.test(text[pos] ?? '')) pos++
            if (text[pos] !== '=') fail(`attribute ${attr} of <${el.name}> has no value`)
            pos++
            while (/\s/.test(text[pos] ?? '')) pos++
            const quote = text[pos]
            if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${el.name}> is not quoted`)
            const end = text.indexOf(quote, pos + 1)
            if (end < 0) fail(`unterminated value of attribute ${attr}`)
            if (attr in el.attributes) fail(`duplicate attribute ${attr} on <${el.name}>`)
            const valueAt = pos + 1
            el.attributes[attr] = decodeEntities(text.slice(valueAt, end), (i) => where(valueAt + i))
            pos = end + 1
        }
        // content
        for (;;) {
            if (pos >= text.length) fail(`element <${el.name}> is not closed`)
            if (startsWith('</')) {
                pos += 2
                const closing = readName()
                if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`)
                while (/\s/.test(text[pos] ?? '')) pos++
                if (text[pos] !== '>') fail(`malformed end tag </${closing}>`)
                pos++
                return el
            }
            if (startsWith('<![CDATA[')) {
                const end = text.indexOf(']]>', pos)
                if (end < 0) fail('unterminated CDATA section')
                el.children.push({ kind: 'cdata', value: text.slice(pos + 9, end) })
                pos = end + 3
            } else if (startsWith('<!--')) {
                skipUntil('-->', 'comment')
            } else if (startsWith('<?')) {
                skipUntil('?>', 'processing instruction')
            } else if (text[pos] === '<') {
                el.children.push(parseElement())
            } else {
                const next = text.indexOf('<', pos)
                const end = next < 0 ? text.length : next
                const at = pos
                el.children.push({ kind: 'text', value: decodeEntities(text.slice(pos, end), (i) => where(at + i)) })
                pos = end
            }
        }
    }
    if (text.charCodeAt(0) === 0xfeff) pos = 1
    skipMisc()
    const root = parseElement()
    skipMisc()
    if (pos < text.length) fail('content after the root element')
    return root
}

export function childElements(el: XmlElement): XmlElement[] {
    return el.children.filter((c): c is XmlElement => c.kind === 'element')
}

/** Concatenated text and CDATA of the element and its descendants (exactly as stored, not trimmed). */
export function elementText(el: XmlElement): string {
    return el.children.map((c) => (c.kind === 'element' ? elementText(c) : c.value)).join('')
}
