// Placeholder until the shell lands the real platform layer (Electron preload or web).
export {};
