// Types for the parts of tesseract-wasm 0.11 we use. The package ships typings (dist/index.d.ts) but its
// exports map does not point to them, so TypeScript's bundler resolution cannot find them.
declare module 'tesseract-wasm' {
  export interface IntRect {
    left: number;
    top: number;
    right: number;
    bottom: number;
  }
  export interface TextItem {
    rect: IntRect;
    /** layoutFlags: 1 = start of line, 2 = end of line. */
    flags: number;
    /** 0..1 */
    confidence: number;
    text: string;
  }
  /** Pixels as 32-bit words in Leptonica's order (see src/pipeline/ocr/leptonica-pixels.ts). */
  export interface EngineImage {
    width: number;
    height: number;
    data: Uint8Array | Uint8ClampedArray;
  }
  export interface OCREngine {
    destroy(): void;
    setVariable(name: string, value: string): void;
    getVariable(name: string): string;
    loadModel(model: Uint8Array | ArrayBuffer): void;
    loadImage(image: EngineImage): void;
    clearImage(): void;
    getTextBoxes(unit: 'line' | 'word'): TextItem[];
    getText(): string;
  }
  export function createOCREngine(options?: { wasmBinary?: Uint8Array | ArrayBuffer }): Promise<OCREngine>;
  export function supportsFastBuild(): boolean;
}
