import { onnxRuntimeUnavailable } from '../../src/core/models/inference/onnxRuntime'

/**
 * Why real (tiny) models cannot run on this computer, e.g. "ONNX Runtime has no build for macOS
 * on Intel (darwin x64)", or undefined. Tests that need them skip with `describe.skipIf(noOnnxRuntime)`;
 * the reason is printed once per test file that imports this.
 */
export const noOnnxRuntime = onnxRuntimeUnavailable()

if (noOnnxRuntime !== undefined) console.log(`Skipping the tests that run local models: ${noOnnxRuntime}.`)
