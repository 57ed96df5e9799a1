import { UiPage } from '@servicenow/sdk/core'
import page from '../../client/index.html'

/** The setup assistant (src/client): from a fresh install to a validated Jira connection on one page. */
export const setupPage = UiPage({
    $id: Now.ID['setup-page'],
    endpoint: 'x_jira_connect_setup.do',
    description: 'Jira Cloud Connect setup assistant',
    category: 'general',
    html: page,
    direct: true,
})
