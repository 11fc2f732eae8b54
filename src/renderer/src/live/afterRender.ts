// The first task after the current frame's rendering: a message posted during an animation frame
// is handled once the frame's style, layout, paint and commit are done (and, unlike a timeout, it
// is not clamped). What a frame's work cost is measured from its animation callback to here.

/** runs `fn` in the first task after the current frame's rendering */
export function afterRender(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}
