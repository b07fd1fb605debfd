// Draws the bundled demo images (simple CSS illustrations) with Debian's Chromium, so the demo
// has pictures without shipping anyone's photos. Run once; the JPEGs are committed.
import { chromium } from 'playwright-core'

const scenes = {
  weihnachtsmarkt: `
    background: linear-gradient(#0b1d3a, #23406e 60%, #3b2a4a);
    --light: radial-gradient(circle, #ffd76a 0 6px, #ffb70055 7px 14px, transparent 15px);`,
  knopfmuseum: `background: linear-gradient(135deg, #f3e6d3, #d9c2a0);`,
  winterdienst: `background: linear-gradient(#cfe3f5, #f7fbff 70%);`,
}
const bodies = {
  weihnachtsmarkt: `
    <div class="lights">${Array.from({ length: 22 }, (_, i) => `<i style="left:${i * 4.6 + 1}%;top:${18 + Math.sin(i / 2) * 6}%"></i>`).join('')}</div>
    <div class="stalls">${Array.from({ length: 6 }, (_, i) => `<b style="left:${i * 16 + 2}%"></b>`).join('')}</div>
    <div class="tree"></div>`,
  knopfmuseum: Array.from({ length: 14 }, (_, i) => {
    const size = 90 + ((i * 37) % 120)
    const colors = ['#8c2f39', '#2f5d8c', '#c08a2e', '#3d7a4f', '#5b4a8c', '#b5562d']
    return `<u style="width:${size}px;height:${size}px;left:${(i * 71) % 95}%;top:${(i * 43) % 80}%;background:${colors[i % colors.length]}"></u>`
  }).join(''),
  winterdienst: `
    <div class="road"></div><div class="truck"><span></span></div>
    ${Array.from({ length: 60 }, (_, i) => `<s style="left:${(i * 37) % 100}%;top:${(i * 53) % 70}%"></s>`).join('')}`,
}
const css = `
  html,body{margin:0;width:1600px;height:900px;overflow:hidden}
  body{position:relative}
  .lights i{position:absolute;width:30px;height:30px;background:radial-gradient(circle,#ffe08a 0 6px,#ffb70066 7px 13px,transparent 14px)}
  .stalls b{position:absolute;bottom:0;width:13%;height:34%;background:#6b3b22;border-top:36px solid #b23a3a;box-shadow:inset 0 40px #f1d9a6}
  .tree{position:absolute;left:44%;bottom:30%;width:0;height:0;border-left:110px solid transparent;border-right:110px solid transparent;border-bottom:300px solid #1f5a3a}
  u{position:absolute;border-radius:50%;box-shadow:inset 0 0 0 10px #0002, 0 8px 18px #0003;text-decoration:none}
  u::before,u::after{content:'';position:absolute;width:14%;height:14%;border-radius:50%;background:#0005;top:36%}
  u::before{left:34%} u::after{left:52%}
  .road{position:absolute;bottom:0;width:100%;height:30%;background:#5d6670;border-top:10px solid #fff}
  .truck{position:absolute;left:30%;bottom:22%;width:520px;height:190px;background:#f08a00;border-radius:18px}
  .truck span{position:absolute;right:-120px;bottom:0;width:150px;height:140px;background:#f5a623;border-radius:14px}
  s{position:absolute;width:14px;height:14px;border-radius:50%;background:#fff;box-shadow:0 0 6px #9bc4e8;text-decoration:none}
`
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
})
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } })
for (const [name, background] of Object.entries(scenes)) {
  await page.setContent(`<style>${css} body{${background}}</style>${bodies[name]}`)
  await page.screenshot({ path: `kiosk-config/demo-feeds/images/${name}.jpg`, type: 'jpeg', quality: 78 })
}
await browser.close()
