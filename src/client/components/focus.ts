import { useCallback, useLayoutEffect, useRef, useState } from 'react'

/**
 * Keyboard and screen-reader users land on what an action produced (WCAG 2.4.3 focus order, 4.1.3 status messages):
 * after the next render, focus moves into the container to its first invalid field, else its first error alert, else
 * the element marked data-outcome (a verdict or a notice), else the container itself. Outcome elements carry
 * tabIndex={-1} so that they can take focus without becoming Tab stops. A layout effect: the focus moves in the commit
 * that shows the outcome, so nothing (a person, a screen reader, a test) sees the outcome with the focus elsewhere.
 */
export function useFocusOutcome<T extends HTMLElement>(): { ref: React.RefObject<T>; focusOutcome: () => void } {
    const ref = useRef<T>(null)
    const [tick, setTick] = useState(0)
    useLayoutEffect(() => {
        const box = ref.current
        if (!tick || !box) return
        const target =
            box.querySelector<HTMLElement>('[aria-invalid="true"]') ||
            box.querySelector<HTMLElement>('[role="alert"]') ||
            box.querySelector<HTMLElement>('[data-outcome]') ||
            box
        target.focus()
    }, [tick])
    const focusOutcome = useCallback(() => setTick((t) => t + 1), [])
    return { ref, focusOutcome }
}
