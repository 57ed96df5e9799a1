/**
 * The setup tests' secret check: no secret of the world (client secrets, API tokens; plus `extra`) in any request body
 * the simulated instance saw, in any column a user can read, or in `alsoIn` (e.g. the page's DOM).
 */
import type { World } from '../../harness/glide-simulator/world'

export function expectNoSecretAnywhere(world: World, extra: string[] = [], alsoIn = ''): void {
    const everywhere = [alsoIn, ...world.sim.web.requests.map((r) => r.body), ...world.sim.visibleText()].join('\n')
    for (const s of [...world.secrets(), ...extra]) expect(everywhere).not.toContain(s)
}
