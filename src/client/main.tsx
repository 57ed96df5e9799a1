import React from 'react'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root') as HTMLElement).render(<main><h1>Jira Cloud Connect setup</h1></main>)
