/**
 * Prints a page intake renders (受理回执, 一次性告知书) without leaving the console: the page loads
 * in a hidden frame on the same origin (the session cookie goes with it) and the frame prints.
 */
export function printPage(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
    frame.onload = () => {
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
        resolve();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        setTimeout(() => frame.remove(), 60_000);
      }
    };
    frame.src = url;
    document.body.appendChild(frame);
  });
}
