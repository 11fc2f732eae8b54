import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './api';

// Runs in the sandboxed renderer before the page: exposes `window.backprop` and nothing else.
contextBridge.exposeInMainWorld('backprop', createApi(ipcRenderer));
