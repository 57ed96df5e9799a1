import { htmlAttr, htmlText } from './html'

describe('htmlText / htmlAttr: text from outside shows as written where the platform renders HTML', () => {
    test('markup and entities become text', () => {
        expect(htmlText('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror="alert(1)"&gt;')
        expect(htmlText('Tom & Jerry &amp; co')).toBe('Tom &amp; Jerry &amp;amp; co')
    })

    test('attribute values also escape both quotes', () => {
        expect(htmlAttr(`https://x.example/?a="b"&c='d'<`)).toBe(
            'https://x.example/?a=&quot;b&quot;&amp;c=&#39;d&#39;&lt;'
        )
    })

    test('plain text is unchanged, and null or undefined is empty', () => {
        expect(htmlText('Jira connection "Jira" works (account id 5b10a2844c20165700ede21g)')).toBe(
            'Jira connection "Jira" works (account id 5b10a2844c20165700ede21g)'
        )
        expect(htmlText(null)).toBe('')
        expect(htmlAttr(undefined)).toBe('')
    })
})
