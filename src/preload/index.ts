import { contextBridge, ipcRenderer } from 'electron'
import { IpcChannel, type HoldfastBridge } from '../shared/ipc'

// No logic here: map the one call to its channel, and hand the core's port to the page.
// MessagePorts cannot cross contextBridge, so the port travels by window.postMessage.
ipcRenderer.on(IpcChannel.corePort, (event) => {
  window.postMessage(IpcChannel.corePort, window.location.origin, event.ports)
})

const bridge: HoldfastBridge = {
  connectCore: () => ipcRenderer.send(IpcChannel.connectCore)
}

contextBridge.exposeInMainWorld('holdfast', bridge)
