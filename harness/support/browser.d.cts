/** A browser to launch with playwright-core: pass both fields to launch()/launchPersistentContext(). */
export interface ResolvedChromium {
    executablePath: string
    env: Record<string, string | undefined>
    /** Where it came from: "CHROMIUM_PATH", "@sparticuz/chromium <version> (bundled)" or the installed path. */
    source: string
}
/** Finds the browser (see browser.cjs for the lookup order); throws a one-line Error naming the install command. */
export declare function resolveChromium(): ResolvedChromium
/** Installed Chrome/Chromium locations tried after CHROMIUM_PATH and the bundled build. */
export declare function installedCandidates(): string[]
/** The install advice every "no browser" message ends with. */
export declare const INSTALL_HINT: string
