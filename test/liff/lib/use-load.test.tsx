// @vitest-environment happy-dom
// useLoad: the first page's data shown at once (read while signing in), then read anew on a change or reload.
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { useLoad } from '../../../liff/src/lib/use-load.ts';
import { buttonNamed, click, mount, settle } from '../support.ts';

function Shown({ load, year, first }: { load: () => Promise<string>; year: number; first?: string }) {
  const loaded = useLoad(load, [year], first);
  return (
    <div>
      <p>{loaded.status === 'ok' ? loaded.data : loaded.status}</p>
      <button type="button" onClick={loaded.reload}>
        อ่านใหม่
      </button>
    </div>
  );
}

describe('useLoad', () => {
  it('shows data given as first at once, without reading it again, and reads on reload', async () => {
    const load = vi.fn(async () => 'อ่านใหม่แล้ว');
    const root = mount(<Shown load={load} year={2567} first="ข้อมูลแรก" />);
    expect(root.querySelector('p')?.textContent).toBe('ข้อมูลแรก');
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(root.querySelector('p')?.textContent).toBe('ข้อมูลแรก');
    await click(buttonNamed(root, 'อ่านใหม่'));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(root.querySelector('p')?.textContent).toBe('อ่านใหม่แล้ว');
  });

  it('reads when the keys change after the first data', async () => {
    const load = vi.fn(async () => 'ปีอื่น');
    function Host() {
      const [year, setYear] = useState(2567);
      return (
        <div>
          <Shown load={load} year={year} first="ข้อมูลแรก" />
          <button type="button" onClick={() => setYear(2566)}>
            ปีก่อน
          </button>
        </div>
      );
    }
    const root = mount(<Host />);
    await settle();
    expect(load).not.toHaveBeenCalled();
    await click(buttonNamed(root, 'ปีก่อน'));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(root.querySelector('p')?.textContent).toBe('ปีอื่น');
  });

  it('starts in the loading state and reads without first', async () => {
    const load = vi.fn(async () => 'อ่านแล้ว');
    const root = mount(<Shown load={load} year={2567} />);
    expect(root.querySelector('p')?.textContent).toBe('loading');
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(root.querySelector('p')?.textContent).toBe('อ่านแล้ว');
  });
});
