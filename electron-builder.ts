import type { Configuration } from 'electron-builder'

// Installers for macOS, Windows and Linux (README: "Installers and updates"). `npm run package`
// builds the current platform's; CI builds each platform on its own runner, because sharp's
// binaries come as per-platform npm packages that npm installs only for the machine it runs on.

type NodePlatform = 'darwin' | 'win32' | 'linux'

/**
 * electron-vite's output and the production dependencies: package.json "dependencies" are what
 * the main process, the core and its workers import at run time; everything the window uses is
 * bundled into out/renderer and listed under devDependencies. Source maps, sources, native
 * build inputs, docs and tests stay out.
 */
const appFiles = [
  'out/**',
  'package.json',
  '!out/**/*.map',
  '!**/node_modules/**/*.{map,md,markdown,d.ts,d.mts,d.cts,ts,tsx,mts,cts,tsbuildinfo,gyp,gypi,cc,cpp,c,h,hpp}',
  '!**/node_modules/**/{test,tests,__tests__,example,examples,docs,doc,benchmark,benchmarks,.github}/**',
  '!**/node_modules/better-sqlite3/{deps,src}/**',
  '!**/node_modules/onnxruntime-node/script/**',
  // transformers.js's Node build carries its own copy of the WebAssembly runtime; the package's
  // 120 MB of browser builds are never loaded.
  '!**/node_modules/onnxruntime-web/**',
  // WebRTC for Node is the relay's (headless --relay, run from a source checkout on an always-on
  // machine); the desktop window syncs through Chromium's own WebRTC.
  '!**/node_modules/@roamhq/**'
]

/**
 * Only this platform's and architecture's native binaries: better-sqlite3 and onnxruntime-node
 * ship every platform's in their npm packages. (electron-builder replaces `${arch}`.)
 */
function nativeBinariesFor(platform: NodePlatform): string[] {
  const others = (['darwin', 'win32', 'linux'] as const).filter((other) => other !== platform)
  return [
    `!**/node_modules/better-sqlite3/prebuilds/!(${platform}-\${arch}.node)`,
    `!**/node_modules/onnxruntime-node/bin/napi-v*/{${others.join(',')}}/**`,
    `!**/node_modules/onnxruntime-node/bin/napi-v*/${platform}/!(\${arch})/**`
  ]
}

const config: Configuration = {
  appId: 'app.holdfast.desktop',
  productName: 'Holdfast',
  copyright: 'Copyright © 2026 Holdfast',
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  directories: { output: 'dist', buildResources: 'resources/build' },
  // Platform sections replace this list rather than add to it: each adds its own binaries below.
  files: appFiles,
  // Native code cannot be loaded from inside app.asar: these live beside it in app.asar.unpacked
  // (their .node files and the shared libraries those load).
  asarUnpack: [
    '**/*.node',
    '**/node_modules/better-sqlite3/**',
    '**/node_modules/onnxruntime-node/bin/**',
    '**/node_modules/sharp/**',
    '**/node_modules/@img/**'
  ],
  // better-sqlite3, onnxruntime-node and sharp ship Node-API binaries, which load
  // in any runtime with the Node-API version they need: nothing is rebuilt against Electron.
  // Electron's fuses, flipped in the packaged binary: it cannot be run as plain Node
  // (ELECTRON_RUN_AS_NODE) or be handed code through NODE_OPTIONS, loads the app only from
  // app.asar and (macOS, Windows) only an app.asar whose hash matches the one built in, encrypts
  // its cookies, and gives file:// no extra privileges (the window loads from app://). --inspect
  // arguments stay allowed: Playwright drives the packaged app through them in CI.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    enableNodeCliInspectArguments: true
  },
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // Models are never bundled: they are downloaded into the data folder (Settings → Local
  // models). The model catalog is compiled into the core.
  //
  // Releases, and electron-updater's feed (latest*.yml), go to the GitHub repository the build
  // comes from. Settings → Updates can point at another feed.
  publish: { provider: 'github' },
  // A beta build's feed is beta*.yml; a stable build writes latest*.yml and beta*.yml too, so
  // the beta channel (Settings → Updates) also gets stable releases.
  generateUpdatesFilesForAllChannels: true,

  mac: {
    category: 'public.app-category.productivity',
    icon: 'resources/icons/icon.icns',
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] }
    ],
    hardenedRuntime: true,
    entitlements: 'resources/build/entitlements.mac.plist',
    entitlementsInherit: 'resources/build/entitlements.mac.plist',
    // Signing runs when CSC_LINK is set; notarization when APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD
    // and APPLE_TEAM_ID (or APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER) are.
    notarize: Boolean(process.env.APPLE_TEAM_ID || process.env.APPLE_API_ISSUER),
    files: [...appFiles, ...nativeBinariesFor('darwin')]
  },
  win: {
    icon: 'resources/icons/icon.ico',
    target: [{ target: 'nsis', arch: ['x64'] }],
    files: [...appFiles, ...nativeBinariesFor('win32')]
  },
  nsis: {
    // Per user: no administrator rights to install, and updates need no UAC prompt.
    oneClick: true,
    perMachine: false,
    artifactName: '${productName}-${version}-setup-${arch}.${ext}'
  },
  linux: {
    icon: 'resources/icons/png',
    category: 'Office',
    maintainer: 'Holdfast <hello@holdfast.app>',
    synopsis: 'Writing and design help that keeps working when the cloud does not',
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] }
    ],
    files: [...appFiles, ...nativeBinariesFor('linux')]
  }
}

export default config
