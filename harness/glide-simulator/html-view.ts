/**
 * What a person sees when the platform renders a string as HTML: session messages (gs.addInfoMessage /
 * addErrorMessage, shown as HTML on the next page) and HTML email bodies, whose notification variables are inserted
 * as they are (ServiceNow docs "Notification variables"; docs/assumptions.md A31). A small HTML tokenizer, enough to
 * tell markup from text: the elements the string would create, and its visible text with character references
 * decoded.
 */
export interface HtmlView {
    /** Element names, in order, of every start tag the string contains (lower case). */
    elements: string[]
    /** The text a reader sees: tags removed, &lt; &gt; &amp; &quot; &#39; &#NN; &#xNN; decoded, spaces collapsed. */
    text: string
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' }

function decode(text: string): string {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, ref: string) => {
        if (ref[0] === '#') {
            const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
            return Number.isFinite(code) ? String.fromCodePoint(code) : m
        }
        return NAMED[ref.toLowerCase()] ?? m
    })
}

export function htmlView(html: string): HtmlView {
    const elements: string[] = []
    // A "<" followed by a letter opens a tag (HTML tokenizer, tag open state); "</x" closes one; "<!" a comment.
    const stripped = html.replace(/<(\/?)([a-zA-Z][^\s/>]*)[^>]*>|<!--[\s\S]*?-->/g, (_m, close: string, name) => {
        if (name && !close) elements.push(String(name).toLowerCase())
        return ' '
    })
    return { elements, text: decode(stripped).replace(/\s+/g, ' ').trim() }
}
