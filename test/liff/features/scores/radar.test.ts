// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { axisAngle, polar, radarGeometry, radialShare } from '../../../../liff/src/features/scores/radar.ts';

describe('radar geometry', () => {
  it('puts the first axis straight up and goes clockwise', () => {
    expect(axisAngle(0, 4)).toBeCloseTo(-Math.PI / 2);
    const c = { x: 100, y: 100 };
    expect(polar(c, 50, axisAngle(0, 4))).toEqual({ x: 100, y: 50 });
    expect(polar(c, 50, axisAngle(1, 4))).toEqual({ x: 150, y: 100 });
    expect(polar(c, 50, axisAngle(2, 4))).toEqual({ x: 100, y: 150 });
    expect(polar(c, 50, axisAngle(3, 4))).toEqual({ x: 50, y: 100 });
  });

  it('scales a value into [0, 1] of the radius and clamps outside the range', () => {
    expect(radialShare(85, 0, 100)).toBeCloseTo(0.85);
    expect(radialShare(75, 50, 100)).toBeCloseTo(0.5);
    expect(radialShare(120, 0, 100)).toBe(1);
    expect(radialShare(-3, 0, 100)).toBe(0);
    expect(radialShare(50, 100, 100)).toBe(0);
  });

  it('places ten indicator scores at their distance from the centre', () => {
    const values = [100, 50, 0, 75, 90, 80, 70, 60, 95, 85];
    const g = radarGeometry(values, { size: 300, padding: 50 });
    expect(g.radius).toBe(100);
    expect(g.axes).toHaveLength(10);
    for (const [i, axis] of g.axes.entries()) {
      const distance = Math.hypot(axis.point.x - 150, axis.point.y - 150);
      expect(distance).toBeCloseTo(values[i] ?? 0, 1);
    }
    // The full score on axis 1 sits at the top of the chart.
    expect(g.axes[0]?.point).toEqual({ x: 150, y: 50 });
    expect(g.polygon.split(' ')).toHaveLength(10);
  });

  it('draws a missing indicator at the centre and marks it', () => {
    const g = radarGeometry([80, null, 90], { size: 200, padding: 20 });
    expect(g.axes[1]?.missing).toBe(true);
    expect(g.axes[1]?.point).toEqual({ x: 100, y: 100 });
    expect(g.axes[0]?.missing).toBe(false);
  });

  it('draws one grid ring per ring value at that share of the radius', () => {
    const g = radarGeometry([1, 2, 3, 4], { size: 200, padding: 0, rings: [50, 100] });
    expect(g.rings.map((r) => r.value)).toEqual([50, 100]);
    expect(g.rings[0]?.points.split(' ')[0]).toBe('100,50');
    expect(g.rings[1]?.points.split(' ')[0]).toBe('100,0');
  });

  it('anchors labels on the right at their start and on the left at their end', () => {
    const g = radarGeometry([1, 1, 1, 1], { size: 200, padding: 20 });
    expect(g.axes.map((a) => a.anchor)).toEqual(['middle', 'start', 'middle', 'end']);
  });
});
