// electron-builder afterPack hook: flips Electron's fuses on the packaged binary, before it is
// archived (and before signing, where there is signing). What each one closes:
//   RunAsNode off                     ELECTRON_RUN_AS_NODE cannot turn our binary into a Node interpreter
//   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS / NODE_EXTRA_CA_CERTS are ignored
//   EnableNodeCliInspectArguments off --inspect and SIGUSR1 cannot attach a debugger
//   OnlyLoadAppFromAsar on            the app is loaded from app.asar only, never a loose folder
//   EnableEmbeddedAsarIntegrityValidation on   the asar is checked against its hash (where supported)
//   EnableCookieEncryption on         cookies encrypted at rest (one-way: do not turn it off again)
//   GrantFileProtocolExtraPrivileges off       file:// gets no special powers (the safe slide needs none)
// Playwright's _electron.launch() needs --inspect: INFOMONITOR_TEST_BUILD=1 keeps that one fuse
// on, for a separate test artifact only. Verify with `npx @electron/fuses read --app <binary>`.
const path = require('node:path')
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses')

function kioskFuses(testBuild) {
  return {
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: testBuild,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  }
}

/** The packaged Electron executable inside electron-builder's output folder. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const productFilename = packager.appInfo.productFilename
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`)
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`)
    default:
      return path.join(appOutDir, packager.executableName)
  }
}

async function afterPack(context) {
  const testBuild = process.env.INFOMONITOR_TEST_BUILD === '1'
  const binary = electronBinary(context)
  if (testBuild)
    console.warn(`electron-fuses: TEST BUILD, --inspect stays enabled in ${binary}; never ship it`)
  await flipFuses(binary, {
    version: FuseVersion.V1,
    // macOS binaries must be re-signed ad hoc after flipping; elsewhere this does nothing.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin',
    ...kioskFuses(testBuild),
  })
  console.log(`electron-fuses: flipped the kiosk fuses in ${binary}`)
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.kioskFuses = kioskFuses
module.exports.electronBinary = electronBinary
