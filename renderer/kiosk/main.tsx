import { render } from 'preact'

render(<p>InfoMonitor</p>, document.getElementById('app')!)
