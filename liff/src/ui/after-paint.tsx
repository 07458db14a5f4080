// Renders its children after the screen above them is painted: the top of a long page comes first on a slow phone.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Nothing on the first render, then `children`: Preact runs effects after the browser paints, so what comes before
 * this in the page (a score card's total and level) is on screen before the charts and lists below are built.
 */
export function AfterPaint({ children }: { children: ComponentChildren }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  return painted ? children : null;
}
