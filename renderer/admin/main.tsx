import { render } from 'preact'

render(<p>InfoMonitor – Verwaltung</p>, document.getElementById('app')!)
